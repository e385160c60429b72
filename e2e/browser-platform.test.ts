import type { ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadFixture } from "../test/helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../test/helpers/http-server.js";
import { type ApiServer, startApiServer } from "./helpers/api-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import type { SampleApiMethods, UmdWindow } from "./helpers/page-types.js";

import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type",
};

describe.skipIf(!hasChromium)("the browser build's defaults (civis.umd.min.js in Chromium)", () => {
  const session = useBrowser();
  let site: StaticServer;
  let server: TestServer;

  beforeAll(async () => {
    await ensureBuilt();
    [site, server] = await Promise.all([startStaticServer(), startServer()]);
  });
  afterAll(async () => {
    await Promise.all([site?.close(), server?.close()]);
  });
  afterEach(() => {
    server.requests.length = 0;
  });

  it("localApiSpec as a string is a URL: the spec is fetched from it, none downloaded", async () => {
    server.handle((req, res: ServerResponse) => {
      if (req.method === "OPTIONS") return void res.writeHead(204, CORS).end();
      if (req.url === "/specs/api.json")
        return sendJson(res, 200, loadFixture("swagger2-basic"), CORS);
      sendJson(res, 200, { id: 1, username: "no.key" }, CORS);
    });
    const { page } = session;
    await page.goto(`${site.url}umd.html`);
    const result = await page.evaluate(async (base) => {
      const { APIClient } = (window as unknown as UmdWindow).civis;
      // No apiKey: a browser has no environment to read one from, and needs none.
      const client = await APIClient.create<SampleApiMethods>({
        localApiSpec: `${base}specs/api.json`,
        baseUrl: base,
      });
      const me = await client.users.list_me();
      return { username: String(me.username), resources: Object.keys(client) };
    }, server.url);

    expect(result.username).toBe("no.key");
    expect(result.resources).toContain("workflows");
    const sent = server.requests.filter((r) => r.method !== "OPTIONS");
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /specs/api.json",
      "GET /users/me",
    ]);
  });

  it("without an apiKey sends no Authorization header", async () => {
    server.handle((req, res: ServerResponse) => {
      if (req.method === "OPTIONS") return void res.writeHead(204, CORS).end();
      sendJson(res, 200, { id: 1 }, CORS);
    });
    const { page } = session;
    await page.goto(`${site.url}umd.html`);
    const spec = loadFixture("swagger2-basic");
    await page.evaluate(
      async ({ base, spec }) => {
        const { APIClient } = (window as unknown as UmdWindow).civis;
        const client = new APIClient<SampleApiMethods>({ localApiSpec: spec, baseUrl: base });
        await client.users.list_me();
        await client.workflows.get(1);
      },
      { base: server.url, spec },
    );
    const sent = server.requests.filter((r) => r.method !== "OPTIONS");
    expect(sent.map((r) => r.url)).toEqual(["/users/me", "/workflows/1"]);
    for (const req of server.requests) expect(req.headers.authorization).toBeUndefined();
  });
});

describe.skipIf(!hasChromium)("a browser without IndexedDB", () => {
  const session = useBrowser({ contextPerTest: true });
  let api: ApiServer;
  let site: StaticServer;

  beforeAll(async () => {
    await ensureBuilt();
    [api, site] = await Promise.all([startApiServer(), startStaticServer()]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), site?.close()]);
  });

  it('specCache "auto" falls back to memory and the client works', async () => {
    const { page } = session;
    await page.addInitScript(() => {
      Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    });
    await page.goto(`${site.url}umd.html`);
    const connect = () =>
      page.evaluate(async (baseUrl) => {
        const { APIClient } = (window as unknown as UmdWindow).civis;
        const client = await APIClient.create<SampleApiMethods>({ apiKey: "demo-key", baseUrl });
        const me = await client.users.list_me();
        return { username: String(me.username), hasIndexedDb: typeof indexedDB !== "undefined" };
      }, api.url);

    expect(await connect()).toEqual({ username: "demo.user", hasIndexedDb: false });
    expect(await connect()).toEqual({ username: "demo.user", hasIndexedDb: false });
    // The memory layer served the second client.
    expect(api.count("demo-key", "GET /endpoints")).toBe(1);

    // Nothing outlives the page: a reload downloads again, and still works.
    await page.reload();
    expect(await connect()).toEqual({ username: "demo.user", hasIndexedDb: false });
    expect(api.count("demo-key", "GET /endpoints")).toBe(2);
  });
});
