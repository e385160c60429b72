import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  cachedModel,
  clearMemorySpecCache,
  memorySpecCacheSize,
} from "../../src/cache/spec-cache.js";
import { clientInfo } from "../../src/client/client-internals.js";
import { normalizeSpec } from "../../src/description/normalize.js";
import { APIClient, type SpecStore } from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";

// Issue 11, classes 5 and 6: the memory layer stays small and shares one model per
// spec text; a store that never answers is skipped.

const SPEC = {
  swagger: "2.0",
  info: { title: "bounded", version: "1" },
  paths: { "/widgets": { get: { responses: { "200": { description: "ok" } } } } },
};

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer(() => ({ body: SPEC }));
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
  server.reset();
  clearMemorySpecCache();
});

const create = (apiKey: string, extra: object = {}) =>
  APIClient.create({ baseUrl: server.url, apiKey, retries: false, ...extra });
const modelOf = (client: object) => clientInfo.get(client)?.ctx.model;

describe("the memory spec cache", () => {
  it("holds a few entries however many keys make clients, least recently used out", async () => {
    const clients = [];
    for (let i = 0; i < 40; i++) clients.push(await create(`user-key-${i}`));
    expect(memorySpecCacheSize()).toBeLessThanOrEqual(8);
    expect(server.count()).toBe(40);
    // The most recent keys are served from memory; the first was dropped.
    expect(clientInfo.get(await create("user-key-39"))?.origin).toBe("memory");
    expect(clientInfo.get(await create("user-key-0"))?.origin).toBe("download");
    // Used again just now, so kept while others come and go.
    await create("user-key-39");
    for (let i = 40; i < 46; i++) await create(`user-key-${i}`);
    expect(clientInfo.get(await create("user-key-39"))?.origin).toBe("memory");
  });

  it("shares one model between keys whose spec text is the same", async () => {
    const clients = [];
    for (let i = 0; i < 30; i++) clients.push(await create(`shared-key-${i}`));
    const models = new Set(clients.map(modelOf));
    expect(models.size).toBe(1);
  });

  it("keeps nothing with specCacheTtlMs: 0, and drops expired entries", async () => {
    for (let i = 0; i < 5; i++) await create(`ttl-key-${i}`, { specCacheTtlMs: 0 });
    expect(memorySpecCacheSize()).toBe(0);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2030, 0, 1));
    await create("short-lived", { specCacheTtlMs: 1000 });
    vi.setSystemTime(Date.UTC(2030, 0, 1) + 2000);
    await create("another");
    expect(memorySpecCacheSize()).toBe(1);
  });
});

describe("a spec store that never answers", () => {
  const silent: SpecStore = {
    get: () => new Promise(() => {}),
    set: () => new Promise(() => {}),
    del: () => new Promise(() => {}),
  };

  it("is skipped after its time, and the download carries on", async () => {
    const result = await cachedModel({
      key: "civis-spec:silent",
      specCacheTtlMs: 60_000,
      forceRefresh: false,
      specCache: "memory",
      store: silent,
      download: async () => JSON.stringify(SPEC),
      parse: (text) => normalizeSpec(JSON.parse(text)),
      storeTimeoutMs: 50,
    });
    expect(result.origin).toBe("download");
    expect(result.model.title).toBe("bounded");
  });

  it("is skipped when it throws at once, too", async () => {
    const throwing: SpecStore = {
      get: () => {
        throw new Error("blocked");
      },
      set: () => {
        throw new Error("blocked");
      },
      del: () => {},
    };
    const client = await create("throwing-store-key", { specCache: throwing });
    expect(clientInfo.get(client)?.origin).toBe("download");
  });
});
