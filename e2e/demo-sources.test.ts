import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient, describeClient } from "../src/index.js";
import { sendJson, startServer, type TestServer } from "../test/helpers/http-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import {
  type DemoServer,
  openDemo,
  startDemoServer,
  visibleMethodLinks,
} from "./helpers/demo-page.js";

const FIXTURES = ["swagger2-basic", "openapi3-basic", "openapi31-basic", "hostile-names"] as const;
const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../test/fixtures/${name}.json`, import.meta.url));
// The real Civis spec sits beside the repository, never inside it.
const REAL_SPEC = fileURLToPath(new URL("../../shared/specs/civis_api_spec.json", import.meta.url));
const hasRealSpec = existsSync(REAL_SPEC);
if (!hasRealSpec) {
  console.warn(
    `\n*** ${REAL_SPEC} not found: the 910-method real-spec demo test is SKIPPED. ***\n`,
  );
}

/** How many methods the package itself makes of a spec: what the page must list. */
function methodCount(spec: object): number {
  return describeClient(new APIClient({ localApiSpec: spec, apiKey: "unused" })).operations.length;
}

async function chooseSource(page: Page, kind: RegExp): Promise<void> {
  await page.getByText("Spec source").click();
  await page.getByRole("radio", { name: kind }).check();
}

/** Every key and value in every IndexedDB store of the page, as text. */
function indexedDbDump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const out: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await done(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        const objects = db.transaction(store).objectStore(store);
        out.push(JSON.stringify(await done(objects.getAllKeys())));
        out.push(JSON.stringify(await done(objects.getAll())));
      }
      db.close();
    }
    return out.join("\n");
  });
}

describe.skipIf(!hasChromium)("the demo explorer's spec sources", () => {
  const session = useBrowser();
  let demo: DemoServer;
  let specHost: TestServer;

  beforeAll(async () => {
    await ensureBuilt();
    [demo, specHost] = await Promise.all([startDemoServer(), startServer()]);
  });
  afterAll(async () => {
    await Promise.all([demo?.close(), specHost?.close()]);
  });

  it.each(FIXTURES)("loads %s.json through the file input and lists every method", async (name) => {
    const { page } = session;
    const path = fixturePath(name);
    const spec = JSON.parse(readFileSync(path, "utf8")) as { info: { title: string } };
    await openDemo(page, demo.url);
    await chooseSource(page, /local file/);
    await page.getByLabel("Spec file (JSON)").setInputFiles(path);

    await expect.poll(() => page.getByTestId("spec-title").textContent()).toBe(spec.info.title);
    expect(await page.getByTestId("spec-origin").getAttribute("data-origin")).toBe("local");
    const count = methodCount(spec);
    expect(await page.getByTestId("spec-count").textContent()).toBe(`${count} methods`);
    expect(await visibleMethodLinks(page).count()).toBe(count);
    // Every method opens, and hostile names stay text.
    await visibleMethodLinks(page).last().click();
    await expect.poll(() => page.locator(".method-doc").count()).toBe(1);
  });

  it("shows spec text as text, never as HTML", async () => {
    const { page } = session;
    const hostile = '<img src=x onerror="window.__civisPwned = 1"><b>bold</b>';
    const spec = {
      swagger: "2.0",
      info: { title: `Hostile ${hostile}`, version: "1" },
      paths: {
        "/things/{id}": {
          get: {
            summary: `Get a thing ${hostile}`,
            description: hostile,
            parameters: [
              { name: "id", in: "path", required: true, type: "integer", description: hostile },
            ],
            responses: { "200": { description: hostile, schema: { $ref: "#/definitions/Thing" } } },
          },
        },
      },
      definitions: {
        Thing: { type: "object", properties: { name: { type: "string", description: hostile } } },
      },
    };
    const path = join(mkdtempSync(join(tmpdir(), "civis-hostile-")), "hostile.json");
    writeFileSync(path, JSON.stringify(spec));
    await openDemo(page, demo.url);
    await chooseSource(page, /local file/);
    await page.getByLabel("Spec file (JSON)").setInputFiles(path);
    await expect.poll(() => page.getByTestId("spec-title").textContent()).toContain("<img src=x");
    await visibleMethodLinks(page).first().click();
    await expect.poll(() => page.locator(".method-doc").textContent()).toContain("<b>bold</b>");
    expect(await page.locator("img, b").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as { __civisPwned?: number }).__civisPwned),
    ).toBeUndefined();
  });

  it("loads a spec dropped on the page", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    const text = readFileSync(fixturePath("openapi3-basic"), "utf8");
    const dataTransfer = await page.evaluateHandle((json) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([json], "dropped.json", { type: "application/json" }));
      return transfer;
    }, text);
    await page.dispatchEvent("body", "dragenter", { dataTransfer });
    expect(await page.locator("#drop-overlay").isVisible()).toBe(true);
    await page.dispatchEvent("body", "drop", { dataTransfer });
    await expect.poll(() => page.locator("#spec-status").textContent()).toContain("dropped.json");
    expect(await page.locator("#drop-overlay").isVisible()).toBe(false);
    expect(await visibleMethodLinks(page).count()).toBe(methodCount(JSON.parse(text)));
  });

  it("loads a spec from a URL, without sending the API key there", async () => {
    const { page } = session;
    const spec = JSON.parse(readFileSync(fixturePath("swagger2-basic"), "utf8"));
    specHost.handle((_req, res) =>
      sendJson(res, 200, spec, { "Access-Control-Allow-Origin": "*" }),
    );
    await openDemo(page, demo.url);
    await chooseSource(page, /URL/);
    await page.getByLabel("Spec URL (JSON)").fill(`${specHost.url}spec.json`);
    await page.getByLabel(/API key/).fill("url-source-key");
    await page.getByRole("button", { name: "Load spec" }).click();
    await expect.poll(() => page.getByTestId("spec-title").textContent()).toBe(spec.info.title);
    expect(await visibleMethodLinks(page).count()).toBe(methodCount(spec));
    expect(specHost.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("offers the sample API's own spec as a URL to try, and loads it", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    await chooseSource(page, /URL/);
    const suggested = (await page.locator("[data-sample-spec-url]").textContent()) ?? "";
    expect(suggested).toBe(`${demo.url}sample-spec.json`);
    await page.getByLabel("Spec URL (JSON)").fill(suggested);
    await page.getByLabel(/API key/).fill("demo-key");
    await page.getByRole("button", { name: "Load spec" }).click();
    await expect.poll(() => page.locator("#spec-status").textContent()).toContain("Spec from");
    expect(await page.getByTestId("spec-title").textContent()).toBe("Civis Sample API");
    expect(await page.locator("#spec-status").textContent()).toContain(
      `Calls go to ${demo.apiUrl}`,
    );
  });

  it("says to choose a file when Load spec is pressed with none chosen", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    await chooseSource(page, /local file/);
    await page.getByRole("button", { name: "Load spec" }).click();
    await expect
      .poll(() => page.locator("#spec-status").textContent())
      .toContain("Choose a spec file (JSON) first, or drop one anywhere on the page");
    expect(await page.getByTestId("still-loaded").textContent()).toContain("Built-in sample API");
  });

  it("says where the spec came from: downloaded, then the IndexedDB cache, then refreshed", async () => {
    const { page } = session;
    const origin = () => page.getByTestId("spec-origin").getAttribute("data-origin");
    await openDemo(page, demo.url);
    expect(await origin()).toBe("download");
    expect(await page.getByTestId("spec-origin").textContent()).toBe("downloaded just now");

    // A new page in the same browser profile finds the spec in IndexedDB.
    await expect.poll(() => indexedDbDump(page)).toContain("Civis Sample API");
    await page.reload();
    await page.getByTestId("spec-count").waitFor();
    expect(await origin()).toBe("store");
    expect(await page.getByTestId("spec-origin").textContent()).toBe("from the IndexedDB cache");

    const downloads = demo.api.stats["GET /endpoints"];
    await page.getByRole("button", { name: "Refresh spec" }).click();
    await expect.poll(origin).toBe("download");
    expect(demo.api.stats["GET /endpoints"]).toBe((downloads ?? 0) + 1);
  });

  it("keeps a live API's key out of the URL, web storage, IndexedDB and the console", async () => {
    const { page } = session;
    const logged: string[] = [];
    page.on("console", (message) => logged.push(message.text()));
    session.allowConsoleError(/status of 401/);
    await openDemo(page, demo.url);

    // A wrong key: the error must not repeat it.
    await chooseSource(page, /live API/);
    await page.getByLabel("API base URL").fill(demo.apiUrl);
    await page.getByLabel(/API key/).fill("wrong-secret-key");
    await page.getByRole("button", { name: "Load spec" }).click();
    await expect.poll(() => page.locator("#spec-status").textContent()).toContain("Could not load");
    expect(await page.locator("body").textContent()).not.toContain("wrong-secret-key");

    await page.getByLabel(/API key/).fill("demo-key");
    await page.getByRole("button", { name: "Load spec" }).click();
    await expect.poll(() => page.locator("#spec-status").textContent()).toContain("Live API");
    await expect.poll(() => indexedDbDump(page)).toContain("Civis Sample API");

    const secrets = ["wrong-secret-key", "demo-key", btoa("demo-key:"), btoa("wrong-secret-key:")];
    const stored = await page.evaluate(() => ({
      url: location.href,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    const dump = await indexedDbDump(page);
    for (const secret of secrets) {
      expect(stored.url).not.toContain(secret);
      expect(stored.local + stored.session).not.toContain(secret);
      expect(dump).not.toContain(secret);
      for (const line of logged) expect(line).not.toContain(secret);
    }
  });

  it.skipIf(!hasRealSpec)(
    "renders the real Civis spec (910 methods) and stays responsive",
    async () => {
      const { page } = session;
      await openDemo(page, demo.url);
      await chooseSource(page, /local file/);
      await page.getByLabel("Spec file (JSON)").setInputFiles(REAL_SPEC);
      await expect.poll(() => page.getByTestId("spec-count").textContent()).toBe("910 methods");
      expect(await visibleMethodLinks(page).count()).toBe(910);

      // Search and open measured inside the page, from the keystroke to the drawn result.
      const timings = await page.evaluate(async () => {
        const search = document.querySelector<HTMLInputElement>("#search")!;
        const count = document.querySelector("#match-count")!;
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        let started = performance.now();
        search.value = "workflows executions";
        search.dispatchEvent(new Event("input"));
        while (!/match/.test(count.textContent ?? "")) await frame();
        const searchMs = performance.now() - started;
        started = performance.now();
        location.hash = "#/workflows/list_executions";
        while (!document.querySelector("#method-title")?.textContent?.includes("list_executions")) {
          await frame();
        }
        return { searchMs, openMs: performance.now() - started };
      });
      // Generous bounds: a shared test machine; a person feels the difference above ~100 ms.
      expect(timings.searchMs).toBeLessThan(1000);
      expect(timings.openMs).toBeLessThan(1000);
      console.log(
        `real spec: search ${timings.searchMs.toFixed(0)} ms (60 ms debounce included), open ${timings.openMs.toFixed(0)} ms`,
      );
      const shown = await visibleMethodLinks(page).allInnerTexts();
      expect(shown.length).toBeGreaterThan(0);
      for (const text of shown) expect(text).toContain("executions");
      expect(await page.locator(".doc-html").textContent()).toContain(
        "API URL: GET /workflows/{id}/executions",
      );
    },
  );
});
