import { buildIfStale } from "./build-if-stale.js";
import { chromiumPath } from "./chromium-path.js";

/**
 * Browser tests need the build (made here if it is stale) and Chromium: say how to get
 * it, or say loudly that they were skipped.
 */
export default function setup(): void {
  buildIfStale();
  if (chromiumPath()) return;
  if (process.env.SKIP_E2E === "1") {
    console.warn("\n*** SKIP_E2E=1: browser tests are SKIPPED (no Chromium found). ***\n");
    return;
  }
  throw new Error(
    "Browser tests need Chromium. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH; set SKIP_E2E=1 to skip them.",
  );
}
