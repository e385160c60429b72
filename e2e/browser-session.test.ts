import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

/** In the page: what a test could leave behind for the next one on the same origin. */
interface Leftovers {
  localStorage: string | null;
  sessionStorage: string | null;
  cookie: string;
  indexedDb: string[];
  caches: string[];
}

// The browser suites share a page from test to test (e2e/helpers/browser.ts): these two tests
// run in order, the first leaving everything it can behind, the second finding none of it.
describe.skipIf(!hasChromium)("a browser suite's page, from one test to the next", () => {
  const session = useBrowser();
  let site: StaticServer;
  const heardByEarlierTest: string[] = [];
  const seen = () =>
    session.page.evaluate(
      async (): Promise<Leftovers> => ({
        localStorage: localStorage.getItem("left"),
        sessionStorage: sessionStorage.getItem("left"),
        cookie: document.cookie,
        indexedDb: (await indexedDB.databases()).map((db) => db.name ?? ""),
        caches: await caches.keys(),
      }),
    );

  beforeAll(async () => {
    await ensureBuilt();
    site = await startStaticServer();
  });
  afterAll(async () => {
    await site?.close();
  });

  it("keeps what a test leaves while the test runs", async () => {
    const { page, context } = session;
    await page.goto(`${site.url}umd.html`);
    await page.evaluate(async () => {
      localStorage.setItem("left", "behind");
      sessionStorage.setItem("left", "behind");
      await new Promise((resolve, reject) => {
        const open = indexedDB.open("left-behind");
        open.onsuccess = () => resolve(open.result.close());
        open.onerror = () => reject(open.error);
      });
      await caches.open("left-behind");
    });
    await context.addCookies([{ name: "left", value: "behind", url: site.url }]);
    await context.grantPermissions(["clipboard-read"]);
    await page.setViewportSize({ width: 400, height: 300 });
    page.on("dialog", (dialog) => {
      heardByEarlierTest.push(dialog.message());
      return dialog.accept();
    });
    await context.newPage();

    await page.reload();
    expect(await seen()).toEqual({
      localStorage: "behind",
      sessionStorage: "behind",
      cookie: "left=behind",
      indexedDb: ["left-behind"],
      caches: ["left-behind"],
    });
    // Left in place for the next test, as a test that forgot them would.
    await page.route("**/umd.html", (route) => route.fulfill({ body: "routed by the page" }));
    await context.route("**/umd.html", (route) => route.fulfill({ body: "routed by the context" }));
    await page.reload();
    expect(await page.textContent("body")).toBe("routed by the page");
  });

  it("starts the next test as a fresh context would", async () => {
    const { page, context } = session;
    expect(page.url()).toBe("about:blank");
    expect(context.pages()).toEqual([page]);
    expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
    await page.goto(`${site.url}umd.html`);
    expect(await page.title()).toBe("civis from a script tag");
    expect(await seen()).toEqual({
      localStorage: null,
      sessionStorage: null,
      cookie: "",
      indexedDb: [],
      caches: [],
    });
    const permission = await page.evaluate(
      async () => (await navigator.permissions.query({ name: "clipboard-read" as never })).state,
    );
    expect(permission).toBe("prompt");
    // With no listener of its own, Playwright dismisses a dialog itself.
    await page.evaluate(() => alert("heard?"));
    expect(heardByEarlierTest).toEqual([]);
  });
});
