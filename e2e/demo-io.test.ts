// The demo's civis/io panels in Chromium: civis.io.umd.min.js on the global civis, a SQL query
// against the sample database shown as a table with a CSV link, and an upload with progress.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import { type DemoServer, openDemo, startDemoServer } from "./helpers/demo-page.js";

describe.skipIf(!hasChromium)("the demo's SQL box and upload", () => {
  const session = useBrowser();
  let demo: DemoServer;

  beforeAll(async () => {
    await ensureBuilt();
    demo = await startDemoServer();
  });
  afterAll(async () => {
    await demo?.close();
  });

  it("loads civis.io onto the global civis, sharing the core's classes", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    const shape = await page.evaluate(() => {
      const g = globalThis as unknown as {
        civis: { io: Record<string, unknown>; APIClient: unknown };
      };
      return { io: typeof g.civis.io.readCivisSql, core: typeof g.civis.APIClient };
    });
    expect(shape).toEqual({ io: "function", core: "function" });
  });

  it("runs a query and shows the rows as text in a table, with a CSV download", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    await page.locator("#sql-text").fill("select id, name, note from sample.people limit 5");
    await page.locator("#sql-form button").click();
    await page.locator("#sql-table").waitFor({ timeout: 20_000 });
    const cells = await page.locator("#sql-table tbody tr").nth(2).locator("td").allTextContents();
    expect(cells).toEqual(["3", "Katherine 3", 'likes "quotes", and commas']);
    expect(await page.locator("#sql-table thead th").allTextContents()).toEqual([
      "id",
      "name",
      "note",
    ]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#sql-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("result.csv");
    const saved = join(mkdtempSync(join(tmpdir(), "civis-demo-csv-")), "result.csv");
    await download.saveAs(saved);
    const csv = readFileSync(saved, "utf8");
    expect(csv.split("\n")[3]).toBe('3,Katherine 3,"likes ""quotes"", and commas"');
  });

  it("shows a SQL error's message from the database", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    await page.locator("#sql-text").fill("select * from nope.missing");
    await page.locator("#sql-form button").click();
    await expect
      .poll(() => page.locator("#sql-status").textContent(), { timeout: 20_000 })
      .toContain('relation "nope.missing" does not exist');
  });

  it("uploads a file in parts with a progress bar that reaches the end", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    await page.locator("#upload-file").setInputFiles({
      name: "big.csv",
      mimeType: "text/csv",
      buffer: Buffer.alloc(600 * 1024, 65),
    });
    await page.locator("#upload-form button").click();
    await expect
      .poll(() => page.locator("#upload-status").textContent(), { timeout: 20_000 })
      .toMatch(/Uploaded as file \d+/);
    const bar = await page
      .locator("#upload-progress")
      .evaluate((el) => [(el as HTMLProgressElement).value, (el as HTMLProgressElement).max]);
    expect(bar).toEqual([600 * 1024, 600 * 1024]);
  });
});
