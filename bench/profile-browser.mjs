// Where a warm start in Chromium spends its time, for FINDINGS.md (not part of
// `npm run bench`): a CPU profile of the warm reload over CDP, then each step
// of the warm path timed on its own: IndexedDB open and read, the cache-key
// digest and JSON.parse in a fresh page of the same origin without civis, then
// building from the parsed spec in the bench page.
// Usage: node bench/profile-browser.mjs
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium.mjs";
import { outDir } from "./lib/paths.mjs";
import { summarizeProfile } from "./lib/profiler.mjs";
import { specText } from "./lib/specs.mjs";
import { startStaticServer } from "./lib/static-server.mjs";

/** Runs in a fresh page without civis: the store's part of the warm path, one step at a time. */
async function storeSteps() {
  const time = async (fn) => {
    const t0 = performance.now();
    const value = await fn();
    return [performance.now() - t0, value];
  };
  const [openMs, db] = await time(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open("civis-spec-cache");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      }),
  );
  const [getMs, record] = await time(
    () =>
      new Promise((resolve, reject) => {
        const store = db.transaction("specs", "readonly").objectStore("specs");
        const req = store.getAll();
        req.onsuccess = () => resolve(req.result[0]);
        req.onerror = () => reject(req.error);
      }),
  );
  const [digestMs] = await time(() =>
    crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${location.origin}/api/|key|1.0`)),
  );
  const [parseMs] = await time(() => JSON.parse(record.text));
  return { openMs, getMs, digestMs, parseMs };
}

/** Runs in the bench page after its warm start: building alone, and a second create() (memory cache). */
async function buildSteps() {
  const time = async (fn) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const spec = JSON.parse(await (await fetch("/spec.json")).text());
  const baseUrl = `${location.origin}/api/`;
  return {
    buildMs: await time(() => new civis.APIClient({ localApiSpec: spec, baseUrl })),
    secondCreateMs: await time(() => civis.APIClient.create({ baseUrl, apiKey: "bench-key" })),
  };
}

const executablePath = chromiumPath();
if (!executablePath) throw new Error("no Chromium (set CHROMIUM_PATH)");
const server = await startStaticServer(specText("civis"), { umd: "civis.umd.js" });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  await page.evaluate(() => window.bench);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  await page.reload();
  const warm = await page.evaluate(() => window.bench);
  const { profile } = await cdp.send("Profiler.stop");
  writeFileSync(join(outDir, "browser-warm.cpuprofile"), JSON.stringify(profile));
  console.log("Warm start:", warm);
  await page.goto(`${server.url}bare`);
  console.log("Store steps in a fresh page without civis (ms):", await page.evaluate(storeSteps));
  await page.goto(server.url);
  await page.evaluate(() => window.bench);
  console.log("Build steps in the bench page (ms):", await page.evaluate(buildSteps));
  const { top, groups } = summarizeProfile(profile, { top: 15 });
  console.log("\nWarm reload, self time by owner (page load included):");
  for (const g of groups) console.log(`${g.ms.toFixed(2).padStart(9)} ms  ${g.group}`);
  console.log("\nTop functions:");
  for (const f of top) console.log(`${f.ms.toFixed(2).padStart(9)} ms  ${f.fn}`);
} finally {
  await browser.close();
  await server.close();
}
