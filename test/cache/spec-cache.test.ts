import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMemorySpecCache } from "../../src/cache/spec-cache.js";
import { clientInfo } from "../../src/client/client-internals.js";
import { APIClient, type CachedSpec, type CivisResource, type SpecStore } from "../../src/index.js";
import { methodOperations } from "../../src/methods/build-resource.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";

const API_KEY = "sEcReT-cache-key-42";
const BASE64_FORMS = [btoa(API_KEY), btoa(`${API_KEY}:`)];
const HOUR = 3_600_000;

function specWith(resource: string) {
  return {
    swagger: "2.0",
    info: { title: `spec with ${resource}`, version: "1" },
    paths: {
      [`/${resource}`]: { get: { responses: { "200": { description: "ok" } } } },
      [`/${resource}/{id}`]: {
        get: {
          parameters: [{ name: "id", in: "path", required: true, type: "integer" }],
          responses: { "200": { description: "ok" } },
        },
      },
    },
  };
}

/** A `{ get, set, del }` store over a Map, as a user would write one. */
function memoryStore() {
  const map = new Map<string, unknown>();
  return {
    map,
    get: vi.fn(async (key: string) => map.get(key)),
    set: vi.fn(async (key: string, value: CachedSpec) => {
      map.set(key, value);
    }),
    del: vi.fn(async (key: string) => {
      map.delete(key);
    }),
  };
}

let server: FaultServer;
let served: object = specWith("widgets");
beforeAll(async () => {
  server = await startFaultServer((req) =>
    req.path.endsWith("/endpoints") ? { body: served } : { status: 404, body: {} },
  );
});
afterAll(() => server.close());
beforeEach(() => {
  clearMemorySpecCache();
  served = specWith("widgets");
});
afterEach(() => {
  server.reset();
  vi.useRealTimers();
});

const downloads = () => server.requests.filter((r) => r.path.endsWith("/endpoints")).length;
const originOf = (client: object) => clientInfo.get(client)?.origin;
type Options = Parameters<typeof APIClient.create>[0];
/** The resources the served specs may have. */
type ShopApi = { readonly widgets: CivisResource; readonly gadgets?: CivisResource };
const create = (options: Options = {}) =>
  APIClient.create<ShopApi>({ baseUrl: server.url, apiKey: API_KEY, retries: false, ...options });

describe("the cache key and value", () => {
  it("is a SHA-256 hex digest that never holds the key, nor its Base64", async () => {
    const store = memoryStore();
    await create({ specCache: store });
    expect(store.set).toHaveBeenCalledTimes(1);
    const [key, value] = store.set.mock.calls[0]!;
    expect(key).toMatch(/^civis-spec:[0-9a-f]{64}$/);
    for (const secret of [API_KEY, ...BASE64_FORMS]) {
      expect(key).not.toContain(secret);
      expect(JSON.stringify(value)).not.toContain(secret);
    }
    expect(value).toEqual({
      format: "civis-spec-cache",
      version: 1,
      savedAt: expect.any(Number),
      text: JSON.stringify(served),
    });
  });

  it("differs by API key and base URL, and is stable", async () => {
    const store = memoryStore();
    await create({ specCache: store });
    await create({ specCache: store, apiKey: "another-key" });
    await create({ specCache: store, baseUrl: `${server.url}v2/` });
    await create({ specCache: store });
    const keys = store.set.mock.calls.map(([key]) => key);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
    expect([...store.map.keys()].sort()).toEqual([...keys].sort());
  });
});

describe("time to live, measured from the download", () => {
  it("serves a memory entry until specCacheTtlMs has passed, then downloads again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2030, 0, 1));
    expect(originOf(await create({ specCacheTtlMs: 10_000 }))).toBe("download");
    vi.setSystemTime(Date.UTC(2030, 0, 1) + 9_999);
    expect(originOf(await create({ specCacheTtlMs: 10_000 }))).toBe("memory");
    expect(downloads()).toBe(1);
    vi.setSystemTime(Date.UTC(2030, 0, 1) + 10_000);
    expect(originOf(await create({ specCacheTtlMs: 10_000 }))).toBe("download");
    expect(downloads()).toBe(2);
  });

  it("keeps a stored spec 24 hours by default outside a REPL", async () => {
    const store = memoryStore();
    await create({ specCache: store });
    const [key, record] = store.set.mock.calls[0]!;
    store.map.set(key, { ...record, savedAt: Date.now() - 23 * HOUR });
    expect(originOf(await create({ specCache: store }))).toBe("store");
    expect(downloads()).toBe(1);

    store.map.set(key, { ...record, savedAt: Date.now() - 25 * HOUR });
    expect(originOf(await create({ specCache: store }))).toBe("download");
    expect(downloads()).toBe(2);
    expect((store.map.get(key) as CachedSpec).savedAt).toBeGreaterThan(Date.now() - HOUR);
  });

  it("downloads every time with specCacheTtlMs: 0", async () => {
    await create({ specCacheTtlMs: 0 });
    await create({ specCacheTtlMs: 0 });
    expect(downloads()).toBe(2);
  });

  it("downloads every time with specCache: false", async () => {
    await create({ specCache: false });
    await create({ specCache: false });
    expect(downloads()).toBe(2);
  });
});

describe("forceRefreshApiSpec", () => {
  it("downloads although the stored spec is fresh, and overwrites it", async () => {
    const store = memoryStore();
    await create({ specCache: store });
    const [key, first] = store.set.mock.calls[0]!;
    served = specWith("gadgets");
    const client = await create({ specCache: store, forceRefreshApiSpec: true });
    expect(downloads()).toBe(2);
    expect(originOf(client)).toBe("download");
    expect(Object.keys(client)).toEqual(["gadgets"]);
    const second = store.map.get(key) as CachedSpec;
    expect(second.text).toBe(JSON.stringify(specWith("gadgets")));
    expect(second.savedAt).toBeGreaterThanOrEqual(first.savedAt);
  });

  it("replaces the memory entry that later clients use", async () => {
    await create();
    served = specWith("gadgets");
    await create({ force_refresh_api_spec: true });
    const later = await create();
    expect(downloads()).toBe(2);
    expect(originOf(later)).toBe("memory");
    expect(Object.keys(later)).toEqual(["gadgets"]);
  });
});

describe("concurrent APIClient.create()", () => {
  it("shares one download among calls with the same key", async () => {
    server.script({ body: served, delayMs: 100 });
    const clients = await Promise.all(Array.from({ length: 8 }, () => create()));
    expect(downloads()).toBe(1);
    const models = new Set(clients.map((c) => clientInfo.get(c)?.ctx.model));
    expect(models.size).toBe(1);
  });

  it("shares one download when forced too, and for store users", async () => {
    server.script({ body: served, delayMs: 100 });
    const store = memoryStore();
    await Promise.all([
      create({ forceRefreshApiSpec: true }),
      create({ forceRefreshApiSpec: true }),
      create({ specCache: store }),
    ]);
    expect(downloads()).toBe(1);
  });

  it("does not keep a failed download: the next call tries again", async () => {
    server.script({ status: 500, body: { errorDescription: "boom" }, delayMs: 50 });
    const failed = await Promise.allSettled([create(), create()]);
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(downloads()).toBe(1);
    expect(originOf(await create())).toBe("download");
    expect(downloads()).toBe(2);
  });
});

describe("a bad cached entry is discarded and downloaded again", () => {
  const record = (over: Record<string, unknown>) => ({
    format: "civis-spec-cache",
    version: 1,
    savedAt: Date.now(),
    text: JSON.stringify(specWith("stale")),
    ...over,
  });
  it.each([
    ["corrupt JSON text", record({ text: '{"swagger": "2.0", "paths": {' })],
    ["text that is not a spec", record({ text: "{}" })],
    ["text that is an array", record({ text: "[]" })],
    ["a string", "not a record"],
    ["an array", [1, 2, 3]],
    ["a record without text", record({ text: undefined })],
    ["savedAt as a string", record({ savedAt: "yesterday" })],
    ["another format", record({ format: "something-else" })],
    ["another record version", record({ version: 2 })],
  ])("%s", async (_name, bad) => {
    const store = memoryStore();
    await create({ specCache: store });
    const [key] = store.set.mock.calls[0]!;
    store.map.set(key, bad);
    const client = await create({ specCache: store });
    expect(originOf(client)).toBe("download");
    expect(Object.keys(client)).toEqual(["widgets"]);
    expect(downloads()).toBe(2);
    expect(store.del).toHaveBeenCalledWith(key);
    expect(store.map.get(key)).toMatchObject({ format: "civis-spec-cache", version: 1 });
  });

  it("a record saved in the future is not trusted", async () => {
    const store = memoryStore();
    await create({ specCache: store });
    const [key, good] = store.set.mock.calls[0]!;
    store.map.set(key, { ...good, savedAt: Date.now() + HOUR });
    expect(originOf(await create({ specCache: store }))).toBe("download");
    expect((store.map.get(key) as CachedSpec).savedAt).toBeLessThanOrEqual(Date.now());
  });
});

describe("a failing store falls back without failing the client", () => {
  const boom = () => {
    throw new Error("QuotaExceededError");
  };
  const rejects = () => Promise.reject(new DOMException("blocked", "InvalidStateError"));
  it.each([
    ["throws on every call", { get: boom, set: boom, del: boom }],
    ["rejects on every call", { get: rejects, set: rejects, del: rejects }],
    ["reads fine but cannot write", { get: () => undefined, set: rejects, del: boom }],
    ["returns junk and cannot delete", { get: () => ({ format: 1 }), set: boom, del: rejects }],
  ])("a store that %s", async (_name, store: SpecStore) => {
    const client = await create({ specCache: store });
    expect(originOf(client)).toBe("download");
    expect(Object.keys(client)).toEqual(["widgets"]);
    expect(typeof client.widgets.get).toBe("function");
  });
});

describe("a second client", () => {
  it("reuses the normalized operations from memory, without a request", async () => {
    const first = await create();
    const second = await create();
    expect(downloads()).toBe(1);
    expect(originOf(second)).toBe("memory");
    expect(clientInfo.get(second)?.ctx.model).toBe(clientInfo.get(first)?.ctx.model);
    const opOf = (client: typeof first) => methodOperations.get(client.widgets.get)?.op;
    expect(opOf(second)).toBeDefined();
    expect(opOf(second)).toBe(opOf(first));
  });

  it("built from a store is whole, with no request", async () => {
    const store = memoryStore();
    await create({ specCache: store });
    const second = await create({ specCache: store });
    expect(downloads()).toBe(1);
    expect(originOf(second)).toBe("store");
    expect(typeof second.widgets.list).toBe("function");
  });
});

describe("an existing client after a refresh", () => {
  it("keeps the resources it was built with", async () => {
    const old = await create();
    const widgets = old.widgets;
    const before = Object.keys(old);
    served = specWith("gadgets");
    const fresh = await create({ forceRefreshApiSpec: true });
    expect(Object.keys(fresh)).toEqual(["gadgets"]);
    expect(Object.keys(old)).toEqual(before);
    expect(old.widgets).toBe(widgets);
    expect(old.gadgets).toBeUndefined();
    expect(typeof old.widgets.get).toBe("function");
    expect(clientInfo.get(old)?.ctx.model).not.toBe(clientInfo.get(fresh)?.ctx.model);
  });
});

// The real Civis spec is not part of the repository; this check runs where it is present.
const civisSpecPath = fileURLToPath(
  new URL("../../../shared/specs/civis_api_spec.json", import.meta.url),
);
const hasCivisSpec = existsSync(civisSpecPath);
if (!hasCivisSpec) {
  console.info(
    `spec-cache: the Civis spec is absent (${civisSpecPath}); its reuse check is skipped`,
  );
}

describe.skipIf(!hasCivisSpec)("with the real Civis spec", () => {
  it("a second create() reuses the first one's operations without a request", async () => {
    served = JSON.parse(readFileSync(civisSpecPath, "utf8")) as object;
    const first = await create();
    const second = await create();
    expect(downloads()).toBe(1);
    expect(originOf(second)).toBe("memory");
    expect(Object.keys(second)).toEqual(Object.keys(first));
    // Speed is measured in bench/, not asserted here: sharing is what makes it cheap.
    expect(clientInfo.get(second)?.ctx.model).toBe(clientInfo.get(first)?.ctx.model);
  });
});
