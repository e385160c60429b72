import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Listening, listenOnLoopback } from "../test/helpers/listen.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import type { UmdWindow } from "./helpers/page-types.js";

import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

// Issue 11 in real Chromium: a body that stalls (Chromium would wait for ever), a key
// a server echoes, and an IndexedDB whose upgrade another connection blocks.

const KEY = "browser-key-Rt7Kx2";
const SPEC = {
  swagger: "2.0",
  info: { title: "browser reliability", version: "1" },
  paths: {
    "/things/{id}": {
      get: {
        parameters: [{ name: "id", in: "path", required: true, type: "string" }],
        responses: { "200": { description: "ok" } },
      },
    },
  },
};

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type",
  "Access-Control-Allow-Methods": "GET, POST",
};

/** The API: `/endpoints` the spec, `/things/stall` a body that never ends, `/things/echo` a 400 repeating the key. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === "OPTIONS") {
    res.writeHead(204, CORS).end();
    return;
  }
  const headers = { ...CORS, "Content-Type": "application/json" };
  if (req.url === "/endpoints") {
    res.writeHead(200, headers).end(JSON.stringify(SPEC));
  } else if (req.url === "/things/stall") {
    res.writeHead(200, { ...headers, "Content-Length": "100" });
    res.write('{"id": "st');
  } else {
    const auth = String(req.headers.authorization);
    res.writeHead(400, headers).end(JSON.stringify({ errorDescription: `bad ${auth} (${KEY})` }));
  }
}

describe.skipIf(!hasChromium)("reliability in Chromium", () => {
  const session = useBrowser();
  let site: StaticServer;
  let api: Listening;

  beforeAll(async () => {
    await ensureBuilt();
    site = await startStaticServer();
    api = await listenOnLoopback(createServer(handle));
  });
  afterAll(async () => {
    await Promise.all([site?.close(), api?.close()]);
  });
  afterEach(() => {
    session.allowConsoleError(/status of 400/);
  });

  it("ends a call whose body stalls, at its timeout and at its signal", async () => {
    const { page } = session;
    await page.goto(`${site.url}umd.html`);
    const result = await page.evaluate(
      async ({ baseUrl, key, spec }) => {
        const { APIClient } = (window as unknown as UmdWindow).civis;
        const client = new APIClient<{ things: { get(...a: unknown[]): Promise<unknown> } }>({
          localApiSpec: spec,
          apiKey: key,
          baseUrl,
          retries: false,
        });
        const outcome = async (promise: Promise<unknown>) => {
          try {
            await promise;
            return "resolved";
          } catch (error) {
            const e = error as { name: string; timedOut?: boolean; aborted?: boolean };
            return `${e.name} timedOut=${e.timedOut} aborted=${e.aborted}`;
          }
        };
        const timedOut = await outcome(client.things.get("stall", {}, { timeout: 200 }));
        const controller = new AbortController();
        const pending = outcome(client.things.get("stall", {}, { signal: controller.signal }));
        setTimeout(() => controller.abort(), 200);
        return { timedOut, aborted: await pending };
      },
      { baseUrl: api.url, key: KEY, spec: SPEC },
    );
    expect(result).toEqual({
      timedOut: "CivisNetworkError timedOut=true aborted=false",
      aborted: "CivisNetworkError timedOut=false aborted=true",
    });
  });

  it("keeps an echoed key out of the error's message, stack and JSON", async () => {
    const { page } = session;
    await page.goto(`${site.url}umd.html`);
    const printed = await page.evaluate(
      async ({ baseUrl, key, spec }) => {
        const { APIClient } = (window as unknown as UmdWindow).civis;
        const client = new APIClient<{ things: { get(...a: unknown[]): Promise<unknown> } }>({
          localApiSpec: spec,
          apiKey: key,
          baseUrl,
          retries: false,
        });
        try {
          await client.things.get("echo");
        } catch (error) {
          const e = error as Error & { error_message: string };
          return [e.message, e.error_message, String(e.stack), JSON.stringify(e), String(e)];
        }
        return [];
      },
      { baseUrl: api.url, key: KEY, spec: SPEC },
    );
    expect(printed).toHaveLength(5);
    expect(printed[0]).toContain("[redacted]");
    const text = printed.join("\n");
    const base64 = Buffer.from(`${KEY}:`).toString("base64");
    for (const secret of [KEY, base64, base64.replace(/=+$/, "")]) {
      expect(text).not.toContain(secret);
    }
  });

  it("creates a client while another connection blocks the IndexedDB upgrade", async () => {
    const { page } = session;
    await page.goto(`${site.url}umd.html`);
    const title = await page.evaluate(
      async ({ baseUrl, key }) => {
        const open = (version?: number) => indexedDB.open("civis-spec-cache", version);
        // One connection that never closes, and an upgrade queued behind it: every
        // later open of the database waits for that upgrade, for ever.
        await new Promise<void>((resolve, reject) => {
          const request = open(1);
          request.onupgradeneeded = () => request.result.createObjectStore("specs");
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        });
        const upgrade = open(2);
        await new Promise<void>((resolve) => {
          upgrade.onblocked = () => resolve();
        });
        const { APIClient, describeClient } = (window as unknown as UmdWindow).civis;
        const client = await APIClient.create({ apiKey: key, baseUrl, retries: false });
        return describeClient(client).title;
      },
      { baseUrl: api.url, key: KEY },
    );
    expect(title).toBe("browser reliability");
  });
});
