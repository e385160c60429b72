// The browser builds replace this module with ./current-io-platform.browser.ts (rollup.config.mjs).
export { nodeIoPlatform as ioPlatform } from "./io-platform.node.js";
