import { createRequire } from "node:module";
import type { BrowserType } from "playwright-core";

// Imported as an ES module, playwright-core (CommonJS, 7 MB in two bundles) is lexed by
// Node for its export names before it loads: about 0.35 CPU-s more than require() in each
// process that loads it (vitest's, and each worker running a browser file).
const playwright: { chromium: BrowserType } = createRequire(import.meta.url)("playwright-core");

export const { chromium } = playwright;
