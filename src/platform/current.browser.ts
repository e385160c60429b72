export { browserPlatform as platform } from "./browser.js";
