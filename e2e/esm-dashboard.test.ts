import { realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServer, startApiServer } from "./helpers/api-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import { type BundledApp, bundleApp } from "./helpers/bundle-app.js";
import { repoRoot } from "./helpers/paths.js";
import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

const page = (name: string) => fileURLToPath(new URL(`./pages/${name}`, import.meta.url));

let app: BundledApp;

beforeAll(async () => {
  await ensureBuilt();
  app = await bundleApp(page("dashboard/main.js"));
});
afterAll(async () => {
  await app?.remove();
});

describe("a dashboard that imports civis through a bundler", () => {
  it("gets the browser build, by the package's `browser` export condition", () => {
    const ours = realpathSync(repoRoot);
    expect(app.modules).toContain(join(ours, "dist/browser.js"));
    expect(app.modules).not.toContain(join(ours, "dist/index.js"));
    expect(app.modules.some((file) => file.includes("node_modules/ofetch"))).toBe(false);
  });

  it("bundles no Node built-in and no `process` access", () => {
    expect(app.code).not.toMatch(/["'`]node:/);
    expect(app.code).not.toMatch(/\bprocess\s*\./);
  });

  it("lets the bundler drop what an app does not use (sideEffects: false)", async () => {
    const small = await bundleApp(page("tree-shaking.js"));
    try {
      expect(small.modules.some((file) => /idb-keyval/.test(file))).toBe(false);
      expect(small.code.length).toBeLessThan(2048);
    } finally {
      await small.remove();
    }
  });
});

describe.skipIf(!hasChromium)("the bundled dashboard in Chromium", () => {
  const session = useBrowser();
  let api: ApiServer;
  let site: StaticServer;

  beforeAll(async () => {
    [api, site] = await Promise.all([
      startApiServer(),
      startStaticServer({ "/bundle/": app.outDir }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), site?.close()]);
  });

  it("renders the user, every workflow of 3 pages, and the help text", async () => {
    const { page } = session;
    await page.goto(`${site.url}dashboard/?api=${encodeURIComponent(api.url)}`);
    await page.waitForSelector("body:not([data-state=loading])");

    expect(await page.textContent("#error")).toBe("");
    expect(await page.getAttribute("body", "data-state")).toBe("ready");
    expect(await page.textContent("#user")).toBe("Demo User");
    expect(await page.textContent("#count")).toBe("120");
    expect(await page.locator("#workflows li").count()).toBe(120);
    expect(api.count("demo-key", "GET /workflows")).toBe(3);
    const help = await page.textContent("#help");
    expect(help).toContain("API URL: GET /workflows");
    expect(help).toContain("iterator : boolean, optional");
  });
});
