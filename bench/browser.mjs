// Case 5, one fresh process and one fresh Chromium: a cold start (spec
// downloaded, then kept in IndexedDB), then a reload: a warm start (spec from
// IndexedDB), then the IndexedDB read alone at page load, without civis (the
// default store's own floor). The same again with a localStorage spec store
// passed as `specCache`, to compare. Each reports APIClient.create() time and JSON.parse
// of the same spec text in the same page.
// Usage: node bench/browser.mjs   (prints one JSON line)
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium.mjs";
import { specText } from "./lib/specs.mjs";
import { startStaticServer } from "./lib/static-server.mjs";

const executablePath = chromiumPath();
if (!executablePath) {
  console.log(JSON.stringify({ skipped: "no Chromium (set CHROMIUM_PATH)" }));
  process.exit(0);
}

const server = await startStaticServer(specText("civis"));
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));

  /** Loads (or reloads) the page; checks whether the spec was downloaded as expected. */
  async function measure(load, expectDownload) {
    const before = server.served.specDownloads;
    await load();
    const result = await page.evaluate(() => window.bench);
    const downloads = server.served.specDownloads - before;
    if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    if (downloads !== (expectDownload ? 1 : 0)) {
      throw new Error(`expected ${expectDownload ? 1 : 0} spec download(s), saw ${downloads}`);
    }
    return result;
  }

  const cold = await measure(() => page.goto(server.url), true);
  const warm = await measure(() => page.reload(), false);
  const idbOnly = await measure(() => page.goto(`${server.url}?mode=idb`), false);
  const coldLocal = await measure(() => page.goto(`${server.url}?store=localStorage`), true);
  const warmLocal = await measure(() => page.reload(), false);
  const freshParse = await measure(() => page.goto(`${server.url}?mode=parse`), false);
  console.log(JSON.stringify({ cold, warm, idbOnly, coldLocal, warmLocal, freshParse }));
} finally {
  await browser.close();
  await server.close();
}
