import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServer, startApiServer } from "./helpers/api-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import type { SampleApiMethods, UmdWindow } from "./helpers/page-types.js";
import { repoRoot } from "./helpers/paths.js";
import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

/** The README's localStorage store, as printed there: from its declaration to its closing `};`. */
function readmeStore(): string {
  const readme = readFileSync(`${repoRoot}README.md`, "utf8");
  const start = readme.indexOf("const localStorageStore = {");
  const end = readme.indexOf("\n};\n", start);
  if (start < 0 || end < 0) throw new Error("README.md no longer shows `const localStorageStore`");
  return readme.slice(start, end + 3);
}

/** In the page: the README's store, then a client that uses it, proven by one call. */
function connect(page: Page, store: string, apiKey: string, baseUrl: string): Promise<string> {
  return page.evaluate(
    async ({ source, key, url }) => {
      const localStorageStore = new Function(`${source}\nreturn localStorageStore;`)();
      const { APIClient } = (window as unknown as UmdWindow).civis;
      const client = await APIClient.create<SampleApiMethods>({
        apiKey: key,
        baseUrl: url,
        specCache: localStorageStore,
      });
      return String((await client.users.list_me()).username);
    },
    { source: store, key: apiKey, url: baseUrl },
  );
}

describe.skipIf(!hasChromium)("the README's localStorage spec store", () => {
  const session = useBrowser();
  let api: ApiServer;
  let site: StaticServer;

  beforeAll(async () => {
    await ensureBuilt();
    [api, site] = await Promise.all([startApiServer(["demo-key"]), startStaticServer()]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), site?.close()]);
  });

  it("keeps the spec across reloads, without the key", async () => {
    const { page } = session;
    const store = readmeStore();
    await page.goto(`${site.url}umd.html`);
    expect(await connect(page, store, "demo-key", api.url)).toBe("demo.user");
    await page.reload();
    expect(await connect(page, store, "demo-key", api.url)).toBe("demo.user");
    expect(api.count("demo-key", "GET /endpoints")).toBe(1);

    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).toContain("civis-spec:");
    for (const secret of ["demo-key", btoa("demo-key:")]) expect(stored).not.toContain(secret);
  });
});
