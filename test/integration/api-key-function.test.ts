import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clearMemorySpecCache } from "../../src/cache/spec-cache.js";
import { APIClient, CivisAPIKeyError, CivisNetworkError } from "../../src/index.js";
import { fileToJson, jsonToCivisFile } from "../../src/io/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { startSampleApiServer } from "../helpers/sample-api-server.js";
import type { FixtureApi } from "./fixture-client.js";

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

let server: TestServer;
const savedKey = process.env.CIVIS_API_KEY;
beforeAll(async () => {
  server = await startServer((req, res) =>
    sendJson(res, 200, req.url === "/endpoints" ? loadFixture("swagger2-basic") : { id: 1 }),
  );
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  if (savedKey === undefined) delete process.env.CIVIS_API_KEY;
  else process.env.CIVIS_API_KEY = savedKey;
});

function client(options: Record<string, unknown>): APIClient<FixtureApi> {
  return new APIClient<FixtureApi>({
    localApiSpec: loadFixture("swagger2-basic"),
    baseUrl: server.url,
    retries: false,
    ...options,
  });
}

describe("apiKey as a function", () => {
  it("is called for each request, and its key sent", async () => {
    let n = 0;
    delete process.env.CIVIS_API_KEY;
    const c = client({ apiKey: async () => `short-lived-${++n}` });
    await c.workflows.get(1);
    await c.workflows.get(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      basic("short-lived-1"),
      basic("short-lived-2"),
    ]);
  });

  it("is called again for each retry, and each attempt sends the key it gave", async () => {
    let n = 0;
    let failures = 2;
    server.handle((_req, res) =>
      failures-- > 0 ? sendJson(res, 503, {}) : sendJson(res, 200, { id: 1 }),
    );
    try {
      const c = client({ apiKey: () => `key-${++n}`, retries: { backoff: () => 1 } });
      await c.workflows.get(1);
    } finally {
      server.handle((req, res) =>
        sendJson(res, 200, req.url === "/endpoints" ? loadFixture("swagger2-basic") : { id: 1 }),
      );
    }
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      basic("key-1"),
      basic("key-2"),
      basic("key-3"),
    ]);
  });

  it("may answer synchronously (api_key too)", async () => {
    await client({ api_key: () => "sync-key" }).workflows.get(1);
    expect(server.requests[0]!.headers.authorization).toBe(basic("sync-key"));
  });

  it("rejecting makes the call's error, as it is, and nothing is sent", async () => {
    const refused = new Error("the backend would not give a key");
    const c = client({ apiKey: () => Promise.reject(refused) });
    await expect(c.workflows.get(1)).rejects.toBe(refused);
    expect(server.requests).toHaveLength(0);
  });

  it("throwing a CivisNetworkError makes the call's error too, called once, not retried", async () => {
    // Once taken for a lost connection: the function was called again for each retry.
    const lost = new CivisNetworkError("GET", "/key", "Connection refused", "failed", 1);
    let calls = 0;
    const c = client({
      apiKey: () => {
        calls++;
        throw lost;
      },
      retries: { backoff: () => 1 },
    });
    await expect(c.workflows.get(1)).rejects.toBe(lost);
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(0);
  });

  it("returning no usable key is a CivisAPIKeyError that does not repeat it", async () => {
    for (const bad of ["", 42, "bad\r\nX-Injected: 1"]) {
      const error = await client({ apiKey: () => bad })
        .workflows.get(1)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CivisAPIKeyError);
      expect(String((error as Error).message)).not.toContain("Injected");
    }
    expect(server.requests).toHaveLength(0);
  });

  it("needs cacheKey when the spec would be cached, a TypeError at creation", async () => {
    await expect(APIClient.create({ apiKey: () => "k", baseUrl: server.url })).rejects.toThrow(
      new TypeError(
        "an apiKey function needs cacheKey, a string (a user id, say) to key the spec cache",
      ),
    );
    await expect(
      APIClient.create({
        apiKey: () => "k",
        baseUrl: server.url,
        cacheKey: 7 as unknown as string,
      }),
    ).rejects.toThrow(new TypeError("cacheKey must be a string"));
    expect(server.requests).toHaveLength(0);
    // A local spec, or no spec cache: nothing to key.
    expect(() => client({ apiKey: () => "k" })).not.toThrow();
    await APIClient.create({ apiKey: () => "k", baseUrl: server.url, specCache: false });
  });

  it("downloads the spec with the function's key, and caches it under cacheKey", async () => {
    clearMemorySpecCache();
    const options = { baseUrl: server.url, specCache: "memory" as const };
    await APIClient.create({ ...options, apiKey: () => "user-1-key-a", cacheKey: "user-1" });
    await APIClient.create({ ...options, apiKey: () => "user-1-key-b", cacheKey: "user-1" });
    await APIClient.create({ ...options, apiKey: () => "user-2-key", cacheKey: "user-2" });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      basic("user-1-key-a"),
      basic("user-2-key"),
    ]);
  });
});

describe("apiKey as a function, safety", () => {
  it("is refused over plain http: to a host that is not loopback, before anything is sent", () => {
    let called = false;
    const options = {
      localApiSpec: loadFixture("swagger2-basic"),
      baseUrl: "http://api.example.test/",
      apiKey: () => {
        called = true;
        return "k";
      },
    };
    expect(() => new APIClient(options)).toThrow(/refused to send the API key over plain http:/);
    expect(called).toBe(false);
  });

  it("is blanked out of an error when a server echoes it", async () => {
    const key = "fn-key-Zq81vX";
    const echo = await startServer((req, res) =>
      sendJson(res, 400, { errorDescription: `bad: ${req.headers.authorization}` }),
    );
    try {
      const c = new APIClient<FixtureApi>({
        localApiSpec: loadFixture("swagger2-basic"),
        baseUrl: echo.url,
        retries: false,
        apiKey: () => key,
      });
      const error = (await c.workflows.get(1).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^\(400\) bad: /);
      expect(error.message).not.toContain(basic(key).slice(6));
    } finally {
      await echo.close();
    }
  });
});

describe("credentials", () => {
  it("is passed to fetch with every request", async () => {
    const seen: Array<RequestCredentials | undefined> = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(init?.credentials);
      return fetch(input, init);
    };
    const created = await APIClient.create<FixtureApi>({
      apiKey: "k",
      baseUrl: server.url,
      specCache: false,
      fetch: recordingFetch,
      credentials: "include",
    });
    await created.workflows.get(1);
    await client({ apiKey: "k", fetch: recordingFetch }).workflows.get(1);
    expect(seen).toEqual(["include", "include", undefined]);
  });

  it("is passed to the API's requests only, not to civis/io's presigned storage URLs", async () => {
    // Storage answers `Access-Control-Allow-Origin: *`, which a browser refuses for a request
    // with credentials: a cookie-authenticated app could not upload or download a file.
    const sample = await startSampleApiServer();
    try {
      const seen: Array<[string, RequestCredentials | undefined]> = [];
      const recordingFetch: typeof fetch = (input, init) => {
        seen.push([new URL(String(input)).pathname, init?.credentials]);
        return fetch(input, init);
      };
      const c = await APIClient.create({
        apiKey: "demo-key",
        baseUrl: sample.url,
        specCache: false,
        fetch: recordingFetch,
        credentials: "include",
      });
      const id = await jsonToCivisFile(c, { a: 1 });
      expect(await fileToJson(c, id)).toEqual({ a: 1 });
      const storage = seen.filter(([path]) => path.includes("/sample-storage/"));
      const api = seen.filter(([path]) => !path.includes("/sample-storage/"));
      expect(storage.length).toBeGreaterThan(0);
      expect(storage.map(([, credentials]) => credentials)).toEqual(storage.map(() => undefined));
      expect(api.map(([, credentials]) => credentials)).toEqual(api.map(() => "include"));
    } finally {
      await sample.close();
    }
  });

  it('must be "include", "same-origin" or "omit"', () => {
    expect(() => client({ apiKey: "k", credentials: true })).toThrow(
      new TypeError('credentials must be "include", "same-origin" or "omit"'),
    );
  });
});
