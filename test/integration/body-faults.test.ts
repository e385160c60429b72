import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clearMemorySpecCache } from "../../src/cache/spec-cache.js";
import {
  APIClient,
  CivisAPIError,
  CivisNetworkError,
  type CivisResource,
  getApiSpec,
  type RetryPolicy,
} from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";

// Issue 11, classes 1, 2 and 12: the timeout and the signal cover the body; a body
// that fails half-way is a lost connection; a page that is not an array is an error.

const ok = { "200": { description: "ok" } };
const SPEC = {
  openapi: "3.0.3",
  info: { title: "items", version: "1" },
  paths: {
    "/items": {
      get: {
        parameters: ["limit", "page_num"].map((name) => ({
          name,
          in: "query",
          schema: { type: "integer" },
        })),
        responses: ok,
      },
      post: { responses: ok },
    },
    "/items/{id}": {
      get: {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: ok,
      },
    },
  },
};
const BODY = { id: 1, name: "a long enough body to be cut in half" };

type ItemsApi = { readonly items: CivisResource };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  server.respond(() => ({ body: {} }));
  clearMemorySpecCache();
});

const QUICK: RetryPolicy = { backoff: () => 1, maxAttempts: 3 };

function client(options: { retries?: RetryPolicy | false; returnType?: "raw" | "json" } = {}) {
  return new APIClient<ItemsApi>({
    localApiSpec: SPEC,
    baseUrl: server.url,
    apiKey: "body-key-4Tq9",
    retries: false,
    ...options,
  });
}

async function failure(promise: unknown): Promise<CivisNetworkError> {
  try {
    await promise;
  } catch (error) {
    return error as CivisNetworkError;
  }
  throw new Error("expected a rejection");
}

describe("a body that stalls after the headers", () => {
  it("ends a call at init.timeout, as a timed-out CivisNetworkError", async () => {
    server.respond(() => ({ body: BODY, stallBody: true }));
    const error = await failure(client().items.get("1", {}, { timeout: 100 }));
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error.timedOut).toBe(true);
    expect(error.message).toBe("Timed out after 100 ms (GET /items/1)");
  });

  it("retries a GET whose body timed out, like a lost connection", async () => {
    server.script({ body: BODY, stallBody: true });
    server.respond(() => ({ body: BODY }));
    const result = await client({ retries: QUICK, returnType: "json" }).items.get(
      "1",
      {},
      { timeout: 100 },
    );
    expect(result).toEqual(BODY);
    expect(server.count()).toBe(2);
  });

  it("ends a call when init.signal aborts during the body; never retried", async () => {
    server.respond(() => ({ body: BODY, stallBody: true }));
    const controller = new AbortController();
    const pending = failure(
      client({ retries: QUICK }).items.get("1", {}, { signal: controller.signal }),
    );
    await server.arrived(1);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error.aborted).toBe(true);
    expect(server.count()).toBe(1);
  });

  it("ends an error answer whose body stalls too", async () => {
    server.respond(() => ({ status: 500, body: { errorDescription: "boom" }, stallBody: true }));
    const error = await failure(client().items.get("1", {}, { timeout: 100 }));
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error.timedOut).toBe(true);
  });

  it("ends an iterator's page", async () => {
    server.respond(() => ({ body: [BODY], stallBody: true }));
    const pages = client().items.list({ iterator: true, limit: 1 }, { timeout: 100 });
    const error = await failure(
      (async () => {
        for await (const _ of pages as AsyncIterable<unknown>) {
          // reads every item
        }
      })(),
    );
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error.timedOut).toBe(true);
  });

  it('leaves a "raw" body to the caller, still under the caller\'s signal', async () => {
    server.respond(() => ({ body: BODY, stallBody: true }));
    const controller = new AbortController();
    const response = (await client({ returnType: "raw" }).items.get(
      "1",
      {},
      { signal: controller.signal, timeout: 5000 },
    )) as globalThis.Response;
    expect(response.status).toBe(200);
    const reading = response.text();
    controller.abort();
    await expect(reading).rejects.toThrow();
  });
});

describe("a body cut off half-way", () => {
  it("is a CivisNetworkError, retried for a GET", async () => {
    server.script({ body: BODY, resetMidBody: true });
    server.respond(() => ({ body: BODY }));
    const result = await client({ retries: QUICK, returnType: "json" }).items.get("1");
    expect(result).toEqual(BODY);
    expect(server.count()).toBe(2);
  });

  it("is a CivisNetworkError after one attempt for a POST", async () => {
    server.respond(() => ({ body: BODY, resetMidBody: true }));
    const error = await failure(client({ retries: QUICK }).items.post());
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error.message).toMatch(/Connection reset|Connection lost/);
    expect(error.attempts).toBe(1);
    expect(server.count()).toBe(1);
  });

  it("on an error answer is a CivisNetworkError too", async () => {
    server.respond(() => ({ status: 404, body: { errorDescription: "gone" }, resetMidBody: true }));
    const error = await failure(client().items.get("1"));
    expect(error).toBeInstanceOf(CivisNetworkError);
  });
});

describe("an iterator page that is not an array", () => {
  it("rejects, saying which page, instead of ending the list early", async () => {
    server.respond((req) =>
      req.url.includes("page_num=2")
        ? { body: { error: "not a list" }, headers: { "X-Pagination-Total-Pages": "3" } }
        : { body: [BODY], headers: { "X-Pagination-Total-Pages": "3" } },
    );
    const items: unknown[] = [];
    const pages = client({ returnType: "json" }).items.list({ iterator: true, limit: 1 });
    const error = await failure(
      (async () => {
        for await (const item of pages as AsyncIterable<unknown>) items.push(item);
      })(),
    );
    expect(items).toHaveLength(1);
    expect(error).toBeInstanceOf(CivisAPIError);
    expect(error.message).toBe(
      "(200) Page 2 of the list is not a JSON array (GET /items?limit=1&page_num=2)",
    );
  });
});

describe("the spec download", () => {
  const options = () => ({
    apiKey: "body-key-4Tq9",
    baseUrl: server.url,
    specCache: false as const,
    retries: QUICK,
  });

  it("create() ends at its timeout when the spec's body stalls", async () => {
    server.respond(() => ({ body: SPEC, stallBody: true }));
    const error = await failure(APIClient.create({ ...options(), retries: false, timeout: 100 }));
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error.timedOut).toBe(true);
  });

  it("create() ends when its signal aborts during the spec's body", async () => {
    server.respond(() => ({ body: SPEC, stallBody: true }));
    const controller = new AbortController();
    const pending = failure(APIClient.create({ ...options(), signal: controller.signal }));
    await server.arrived(1);
    controller.abort();
    expect((await pending).aborted).toBe(true);
  });

  it("create() survives a reset in the middle of the spec: it downloads again", async () => {
    server.script({ body: SPEC, resetMidBody: true });
    server.respond(() => ({ body: SPEC }));
    const created = await APIClient.create<ItemsApi>(options());
    expect(typeof created.items.get).toBe("function");
    expect(server.count({ path: "/endpoints" })).toBe(2);
  });

  it("getApiSpec() takes a timeout and a signal too", async () => {
    server.respond(() => ({ body: SPEC, stallBody: true }));
    const timedOut = await failure(
      getApiSpec("body-key-4Tq9", { baseUrl: server.url, retries: false, timeout: 100 }),
    );
    expect(timedOut.timedOut).toBe(true);
    const controller = new AbortController();
    controller.abort();
    const aborted = await failure(
      getApiSpec("body-key-4Tq9", { baseUrl: server.url, signal: controller.signal }),
    );
    expect(aborted.aborted).toBe(true);
  });
});
