export { browserIoPlatform as ioPlatform } from "./io-platform.browser.js";
