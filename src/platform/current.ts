// The browser builds replace this module with ./current.browser.ts (rollup.config.mjs).
export { nodePlatform as platform } from "./node.js";
