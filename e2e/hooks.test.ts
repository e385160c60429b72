import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { build } from "esbuild";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../test/helpers/http-server.js";
import { createSampleApi } from "./helpers/api-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import type { UmdWindow } from "./helpers/page-types.js";
import { repoRoot } from "./helpers/paths.js";
import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

/** What the page-side tests call: one GET of the sample spec's `workflows.get`. */
interface WorkflowsApi {
  readonly workflows: { get(id: number, params?: object, init?: object): Promise<{ id: unknown }> };
}

describe.skipIf(!hasChromium)("hooks, logger, credentials and civis/testing in Chromium", () => {
  const session = useBrowser();
  let site: StaticServer;
  let api: TestServer;
  /** Presigned storage as S3 answers it: any origin, no credentials. */
  let storage: TestServer;
  let spec: object;
  /** The page's origin, which the API allows with credentials. */
  let origin = "";

  beforeAll(async () => {
    await ensureBuilt();
    site = await startStaticServer();
    origin = new URL(site.url).origin;
    spec = (await createSampleApi()).spec;
    storage = await startServer((_req, res: ServerResponse) => {
      res.writeHead(200, { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain" });
      res.end("stored bytes");
    });
    api = await startServer((req, res: ServerResponse) => {
      const cors = {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type, X-Trace-Id",
        "Access-Control-Expose-Headers": "X-RateLimit-Remaining",
      };
      if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
      const path = req.url.split("?")[0];
      if (path === "/endpoints") return sendJson(res, 200, spec, cors);
      if (path === "/files/5") {
        return sendJson(res, 200, { id: 5, name: "a.txt", fileUrl: `${storage.url}a.txt` }, cors);
      }
      if (path === "/workflows/404") {
        return sendJson(res, 404, { errorDescription: "Not found" }, cors);
      }
      sendJson(res, 200, { id: 1 }, { ...cors, "X-RateLimit-Remaining": "42" });
    });
  });
  afterAll(async () => {
    await api?.close();
    await storage?.close();
    await site?.close();
  });
  afterEach(() => {
    api.requests.length = 0;
  });

  const headersOf = (path: string): IncomingHttpHeaders | undefined =>
    api.requests.find((r) => r.method === "GET" && r.url.split("?")[0] === path)?.headers;

  it("runs hooks on every attempt: trace header added, errors seen, an answer without the network", async () => {
    session.allowConsoleError(/status of 404/);
    await session.page.goto(`${site.url}umd.html`);
    const seen = await session.page.evaluate(async (baseUrl) => {
      const { APIClient } = (window as unknown as UmdWindow).civis;
      const log: string[] = [];
      const client = await APIClient.create<WorkflowsApi>({
        apiKey: "browser-key",
        baseUrl,
        specCache: false,
        retries: false,
        hooks: {
          onRequest: (ctx) => {
            ctx.request.headers["X-Trace-Id"] = `trace-${ctx.operation}`;
            log.push(`request ${ctx.operation} ${ctx.path} ${ctx.attempt}`);
            if (ctx.path === "/workflows/7") return Response.json({ id: "from hook" });
          },
          onResponse: (ctx) => void log.push(`response ${ctx.response?.status}`),
          onResponseError: (ctx) => void log.push(`error ${ctx.error?.name}`),
        },
      });
      await client.workflows.get(1);
      const hooked = await client.workflows.get(7);
      await client.workflows.get(404).catch(() => undefined);
      return { log, hooked: hooked.id };
    }, api.url);
    expect(seen.log).toEqual([
      "request endpoints.list /endpoints 1",
      "response 200",
      "request workflows.get /workflows/1 1",
      "response 200",
      "request workflows.get /workflows/7 1",
      "response 200",
      "request workflows.get /workflows/404 1",
      "response 404",
      "error CivisAPIError",
    ]);
    expect(seen.hooked).toBe("from hook");
    expect(headersOf("/workflows/1")?.["x-trace-id"]).toBe("trace-workflows.get");
    expect(headersOf("/workflows/7")).toBeUndefined();
  });

  it("logs each request with calls remaining, and never the key", async () => {
    await session.page.goto(`${site.url}umd.html`);
    const lines = await session.page.evaluate(async (baseUrl) => {
      const { APIClient } = (window as unknown as UmdWindow).civis;
      const lines: string[] = [];
      const logger = {
        debug: (message: string) => void lines.push(`debug ${message}`),
        info: (message: string) => void lines.push(`info ${message}`),
      };
      const client = await APIClient.create<WorkflowsApi>({
        apiKey: "browser-key-Xy9",
        baseUrl,
        specCache: false,
        logger,
      });
      await client.workflows.get(1);
      return lines;
    }, api.url);
    expect(lines).toContain("debug spec_cache=download");
    expect(lines.at(-1)).toMatch(
      /^debug operation=workflows\.get method=GET path=\/workflows\/1 status=200 ms=\d+ attempt=1 calls_remaining=42$/,
    );
    expect(lines.join("\n")).not.toContain("browser-key-Xy9");
  });

  it('sends cookies with credentials: "include" and a key from a function', async () => {
    await session.page.goto(`${site.url}umd.html`);
    // Page and API are both on 127.0.0.1: one site, so the cookie is first-party.
    await session.context.addCookies([
      { name: "session", value: "s3cret", domain: "127.0.0.1", path: "/" },
    ]);
    await session.page.evaluate(
      async ({ baseUrl, spec }) => {
        const { APIClient } = (window as unknown as UmdWindow).civis;
        const withCookies = new APIClient<WorkflowsApi>({
          localApiSpec: spec,
          baseUrl,
          credentials: "include",
          apiKey: async () => "short-lived",
        });
        await withCookies.workflows.get(1);
        const without = new APIClient<WorkflowsApi>({ localApiSpec: spec, baseUrl });
        await without.workflows.get(2);
      },
      { baseUrl: api.url, spec },
    );
    expect(headersOf("/workflows/1")?.cookie).toBe("session=s3cret");
    expect(headersOf("/workflows/1")?.authorization).toBe(
      `Basic ${Buffer.from("short-lived:").toString("base64")}`,
    );
    expect(headersOf("/workflows/2")?.cookie).toBeUndefined();
    expect(headersOf("/workflows/2")?.authorization).toBeUndefined();
  });

  it('downloads a file with civis/io under credentials: "include" (storage allows any origin)', async () => {
    // Storage's `Access-Control-Allow-Origin: *` is refused for a request with credentials:
    // they go with the API's requests only.
    await session.page.goto(`${site.url}umd.html`);
    await session.page.addScriptTag({ url: "/dist/civis.io.umd.min.js" });
    const text = await session.page.evaluate(
      async ({ baseUrl, spec }) => {
        type Io = { civisToFile(client: unknown, id: number, to?: undefined): Promise<Blob> };
        const { APIClient, io } = (window as unknown as { civis: UmdWindow["civis"] & { io: Io } })
          .civis;
        const client = new APIClient({ localApiSpec: spec, baseUrl, credentials: "include" });
        return (await io.civisToFile(client, 5)).text();
      },
      { baseUrl: api.url, spec },
    );
    expect(text).toBe("stored bytes");
    expect(storage.requests).toHaveLength(1);
  });

  it("loads civis/testing: mockFetch and sampleApi answer the client without a network", async () => {
    await session.page.goto(`${site.url}umd.html`);
    // As an app would load it: through a bundler (civis/testing's CSV library is CommonJS),
    // next to the UMD's global civis.
    const bundled = await build({
      stdin: {
        contents: 'import * as testing from "./dist/testing.js"; window.civisTesting = testing;',
        resolveDir: repoRoot,
      },
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
    });
    await session.page.addScriptTag({ type: "module", content: bundled.outputFiles[0]!.text });
    await session.page.waitForFunction(() => "civisTesting" in window);
    const result = await session.page.evaluate(async (spec) => {
      const { APIClient } = (window as unknown as UmdWindow).civis;
      const testing = (
        window as unknown as { civisTesting: typeof import("../src/testing/index.js") }
      ).civisTesting;
      const fetch = testing.mockFetch(spec, {
        "workflows.get": ({ path }) => ({ id: Number(path.id) * 10 }),
      });
      const mocked = new APIClient<WorkflowsApi>({ localApiSpec: spec, fetch });
      const sample = await testing.sampleApi();
      const sampled = new APIClient<{ users: { list_me(): Promise<{ username: string }> } }>({
        localApiSpec: sample.spec,
        fetch: sample.fetch,
      });
      return {
        mocked: (await mocked.workflows.get(4)).id,
        me: (await sampled.users.list_me()).username,
      };
    }, spec);
    expect(result).toEqual({ mocked: 40, me: expect.any(String) });
    expect(api.requests).toHaveLength(0);
  });
});
