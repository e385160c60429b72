import type { ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../test/helpers/http-server.js";
import { type ApiServer, createSampleApi, startApiServer } from "./helpers/api-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import type { SampleApiMethods, UmdWindow } from "./helpers/page-types.js";

import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

describe.skipIf(!hasChromium)("a cross-origin API (page and API on two loopback ports)", () => {
  const session = useBrowser();
  let site: StaticServer;

  beforeAll(async () => {
    await ensureBuilt();
    site = await startStaticServer();
  });
  afterAll(async () => {
    await site?.close();
  });

  describe("with the sample API's CORS headers", () => {
    let api: ApiServer;
    beforeAll(async () => {
      api = await startApiServer();
    });
    afterAll(async () => {
      await api?.close();
    });

    it("reads, writes JSON (after a preflight) and reads error bodies", async () => {
      const { page } = session;
      session.allowConsoleError(/status of 404/);
      await page.goto(`${site.url}umd.html`);
      expect(new URL(site.url).origin).not.toBe(new URL(api.url).origin);

      const result = await page.evaluate(async (baseUrl) => {
        const { APIClient, CivisAPIError } = (window as unknown as UmdWindow).civis;
        const client = await APIClient.create<SampleApiMethods>({ apiKey: "demo-key", baseUrl });
        const me = await client.users.list_me();
        const created = await client.json_values.post({ name: "cors", value: { a: [1, 2] } });
        const read = await client.json_values.get(Number(created.id));
        let missing: { status: number; message: string } | undefined;
        try {
          await client.workflows.get(999_999);
        } catch (error) {
          if (error instanceof CivisAPIError) {
            missing = { status: error.status_code, message: error.error_message };
          }
        }
        return {
          username: me.username,
          rateLimit: me.rate_limit,
          value: read.value,
          missing,
        };
      }, api.url);

      expect(result.username).toBe("demo.user");
      // An exposed header is readable across origins.
      expect(result.rateLimit).toBe(1000);
      expect(result.value).toEqual({ a: [1, 2] });
      expect(result.missing).toEqual({
        status: 404,
        message: "The requested resource could not be found.",
      });
      // Authorization and a JSON body are not "simple": the browser asked first.
      expect(api.count("demo-key", "OPTIONS /json_values")).toBeGreaterThanOrEqual(1);
      expect(api.count("demo-key", "POST /json_values")).toBe(1);
    });
  });

  describe("a 429/503 whose Retry-After the browser may or may not read", () => {
    let server: TestServer;
    let spec: object;

    beforeAll(async () => {
      spec = (await createSampleApi()).spec;
    });
    afterEach(async () => {
      await server?.close();
    });

    /** Fails the first request of `route` with `status` and `Retry-After: 1`, then answers. */
    async function flakyApi(status: number, route: string, exposeRetryAfter: boolean) {
      const cors: Record<string, string> = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        ...(exposeRetryAfter ? { "Access-Control-Expose-Headers": "Retry-After" } : {}),
      };
      let failed = false;
      server = await startServer((req, res: ServerResponse) => {
        const path = req.url.split("?")[0];
        if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
        if (path === "/endpoints") return sendJson(res, 200, spec, cors);
        if (`${req.method} ${path}` === route && !failed) {
          failed = true;
          return sendJson(
            res,
            status,
            { errorDescription: "Slow down" },
            {
              ...cors,
              "Retry-After": "1",
            },
          );
        }
        if (path === "/users/me") return sendJson(res, 200, { id: 1, username: "demo.user" }, cors);
        if (path === "/json_values")
          return sendJson(res, 201, { id: 7, name: "x", value: 1 }, cors);
        sendJson(res, 404, { errorDescription: "Not found" }, cors);
      });
      return server;
    }

    /** In the page: one call with a 10 ms backoff; the waits the client chose, and the result. */
    function callWithBackoff(baseUrl: string, route: string) {
      return session.page.evaluate(
        async ({ baseUrl, route }) => {
          const { APIClient } = (window as unknown as UmdWindow).civis;
          const waits: number[] = [];
          const client = await APIClient.create<SampleApiMethods>({
            apiKey: "demo-key",
            baseUrl,
            retries: { backoff: () => 10, onRetry: (info) => waits.push(info.waitMs) },
          });
          const response =
            route === "GET /users/me"
              ? await client.users.list_me()
              : await client.json_values.post({ name: "x", value: 1 });
          return { id: Number(response.id), waits };
        },
        { baseUrl, route },
      );
    }

    const seen = (route: string) =>
      server.requests.filter((req) => `${req.method} ${req.url.split("?")[0]}` === route).length;

    it.each([
      [503, "GET /users/me"],
      [429, "GET /users/me"],
      [429, "POST /json_values"],
    ])("%i on %s, Retry-After not exposed: retried by the backoff", async (status, route) => {
      session.allowConsoleError(new RegExp(`status of ${status}`));
      await session.page.goto(`${site.url}umd.html`);
      const api = await flakyApi(status, route, false);

      const result = await callWithBackoff(api.url, route);

      expect(result.id).toBeGreaterThan(0);
      expect(seen(route)).toBe(2);
      // The browser hid Retry-After: 1, so the 10 ms backoff alone set the wait.
      expect(result.waits).toEqual([10]);
    });

    it("the same answer with Retry-After exposed waits what the server asked", async () => {
      session.allowConsoleError(/status of 503/);
      await session.page.goto(`${site.url}umd.html`);
      const api = await flakyApi(503, "GET /users/me", true);

      const result = await callWithBackoff(api.url, "GET /users/me");

      expect(seen("GET /users/me")).toBe(2);
      expect(result.waits).toHaveLength(1);
      expect(result.waits[0]).toBeGreaterThanOrEqual(1000);
    });
  });
});
