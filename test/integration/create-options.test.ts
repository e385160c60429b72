import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APIClient, type SpecStore } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { API_KEY, AUTHORIZATION, type FixtureApi } from "./fixture-client.js";

let server: TestServer;
let base = 0;

beforeAll(async () => {
  server = await startServer((req, res) =>
    req.url.endsWith("/endpoints")
      ? sendJson(res, 200, loadFixture("swagger2-basic"))
      : sendJson(res, 200, { someKey: 1 }),
  );
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

/** A base URL no other test used: the memory cache is shared by the whole process. */
function freshBaseUrl(): string {
  base += 1;
  return `${server.url}b${base}/`;
}

function downloads(): number {
  return server.requests.filter((r) => r.url.endsWith("/endpoints")).length;
}

describe("the spec cache, seen from the server", () => {
  it.each(["auto", "memory"] as const)(
    'specCache "%s" downloads once for two clients of one base URL and key',
    async (specCache) => {
      const options = {
        apiKey: API_KEY,
        baseUrl: freshBaseUrl(),
        retries: false,
        specCache,
      } as const;
      await APIClient.create(options);
      await APIClient.create(options);
      expect(downloads()).toBe(1);
      await APIClient.create({ ...options, apiKey: `${API_KEY}-other` });
      expect(downloads()).toBe(2);
    },
  );

  it("specCache false downloads for every client", async () => {
    const options = {
      apiKey: API_KEY,
      baseUrl: freshBaseUrl(),
      retries: false,
      specCache: false,
    } as const;
    await APIClient.create(options);
    await APIClient.create(options);
    expect(downloads()).toBe(2);
  });

  it("forceRefreshApiSpec downloads again over a fresh cached spec", async () => {
    const options = { apiKey: API_KEY, baseUrl: freshBaseUrl(), retries: false } as const;
    await APIClient.create(options);
    await APIClient.create({ ...options, forceRefreshApiSpec: true });
    await APIClient.create({ ...options, force_refresh_api_spec: true });
    expect(downloads()).toBe(3);
  });

  it("specCacheTtlMs 0 makes every cached spec expired", async () => {
    const options = {
      apiKey: API_KEY,
      baseUrl: freshBaseUrl(),
      retries: false,
      specCacheTtlMs: 0,
    } as const;
    await APIClient.create(options);
    await APIClient.create(options);
    expect(downloads()).toBe(2);
  });

  it("a store of the caller's keeps the spec under a digest, never the key", async () => {
    const entries = new Map<string, unknown>();
    const store: SpecStore = {
      get: (key) => entries.get(key),
      set: (key, value) => {
        entries.set(key, value);
      },
      del: (key) => {
        entries.delete(key);
      },
    };
    const options = {
      apiKey: API_KEY,
      baseUrl: freshBaseUrl(),
      retries: false as const,
      specCache: store,
    };
    const first = await APIClient.create<FixtureApi>(options);
    const second = await APIClient.create<FixtureApi>(options);
    expect(downloads()).toBe(1);
    expect(entries.size).toBe(1);
    const [key, value] = [...entries][0]!;
    expect(key).toMatch(/^civis-spec:[0-9a-f]{64}$/);
    expect(JSON.stringify(value)).not.toContain(API_KEY);
    await first.users.list_me();
    await second.users.list_me();
    expect(server.requests.filter((r) => r.url.endsWith("/users/me"))).toHaveLength(2);
  });
});

describe("other options that reach the server", () => {
  it("fetch: the given implementation sends the spec download and every call", async () => {
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const baseUrl = freshBaseUrl();
    const client = await APIClient.create<FixtureApi>({
      apiKey: API_KEY,
      baseUrl,
      retries: false,
      specCache: false,
      fetch: counting,
    });
    await client.workflows.get(3);
    expect(seen).toEqual([`${baseUrl}endpoints`, `${baseUrl}workflows/3`]);
  });

  it("accepts civis-python's spellings: api_key, base_url, return_type", async () => {
    const baseUrl = freshBaseUrl();
    const client = await APIClient.create<FixtureApi>({
      api_key: API_KEY,
      base_url: baseUrl,
      return_type: "json",
      retries: false,
      specCache: false,
    });
    await expect(client.workflows.get(4)).resolves.toEqual({ someKey: 1 });
    expect(server.requests.map((r) => r.url)).toEqual([
      `${new URL(baseUrl).pathname}endpoints`,
      `${new URL(baseUrl).pathname}workflows/4`,
    ]);
    for (const req of server.requests) expect(req.headers.authorization).toBe(AUTHORIZATION);
  });
});
