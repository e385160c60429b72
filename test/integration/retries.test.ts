import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  APIClient,
  CivisAPIError,
  CivisAPIKeyError,
  CivisNetworkError,
  type CivisResource,
  type RetryInfo,
  type RetryPolicy,
} from "../../src/index.js";
import { type Fault, type FaultServer, startFaultServer } from "../helpers/fault-server.js";

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const pageParams = ["limit", "page_num"].map((name) => ({
  name,
  in: "query",
  schema: { type: "integer" },
}));
const body = {
  content: {
    "application/json": {
      schema: { type: "object", properties: { name: { type: "string" } } },
    },
  },
};
const ok = { "200": { description: "ok" } };
const SPEC = {
  openapi: "3.0.3",
  info: { title: "items", version: "1" },
  paths: {
    "/items": {
      get: { parameters: pageParams, responses: ok },
      post: { requestBody: body, responses: ok },
    },
    "/items/{id}": {
      parameters: [idParam],
      get: { responses: ok },
      head: { responses: ok },
      options: { responses: ok },
      put: { requestBody: body, responses: ok },
      patch: { requestBody: body, responses: ok },
      delete: { responses: ok },
    },
  },
};

const METHODS = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "POST", "PATCH"] as const;
type Method = (typeof METHODS)[number];
const BACKOFF_METHODS: readonly Method[] = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"];

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  server.respond(() => ({ body: {} }));
  vi.restoreAllMocks();
});

interface Observed {
  readonly client: ReturnType<typeof clientWith>;
  readonly retries: RetryInfo[];
}

type ItemsApi = { readonly items: CivisResource };

function clientWith(retries: RetryPolicy | false | undefined, baseUrl = server.url) {
  return new APIClient<ItemsApi>({
    localApiSpec: SPEC,
    baseUrl,
    apiKey: "retry-key",
    returnType: "json",
    retries,
  });
}

/** A client with a 2 ms backoff, recording every retry. */
function observed(policy: Omit<RetryPolicy, "onRetry"> = {}): Observed {
  const retries: RetryInfo[] = [];
  const client = clientWith({ backoff: () => 2, ...policy, onRetry: (info) => retries.push(info) });
  return { client, retries };
}

function call(
  client: Observed["client"],
  method: Method,
  init?: { signal?: AbortSignal; timeout?: number; headers?: Record<string, string> },
): Promise<unknown> {
  const items = client.items;
  switch (method) {
    case "GET":
      return items.get("a", {}, init);
    case "HEAD":
      return items.head("a", {}, init);
    case "OPTIONS":
      return items.options("a", {}, init);
    case "DELETE":
      return items.delete("a", {}, init);
    case "PUT":
      return items.put("a", { name: "x" }, init);
    case "PATCH":
      return items.patch("a", { name: "x" }, init);
    case "POST":
      return items.post({ name: "x" }, init);
  }
}

/** The call's error (it must reject). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to reject");
}

describe("which answers are retried, end to end", () => {
  const answers: readonly [string, Fault, (method: Method) => boolean][] = [
    ["413 with Retry-After", { status: 413, headers: { "Retry-After": "0" } }, () => true],
    ["429 with Retry-After", { status: 429, headers: { "Retry-After": "0" } }, () => true],
    ["503 with Retry-After", { status: 503, headers: { "Retry-After": "0" } }, () => true],
    ["413", { status: 413 }, () => false],
    ["429", { status: 429 }, (m) => m !== "PATCH"],
    ["503", { status: 503 }, (m) => m !== "PATCH"],
    ["502", { status: 502 }, (m) => BACKOFF_METHODS.includes(m)],
    ["504", { status: 504 }, (m) => BACKOFF_METHODS.includes(m)],
    [
      "502 with Retry-After",
      { status: 502, headers: { "Retry-After": "0" } },
      (m) => BACKOFF_METHODS.includes(m),
    ],
    ["500", { status: 500 }, () => false],
    ["400", { status: 400 }, () => false],
    ["404", { status: 404 }, () => false],
    ["a dropped connection", { drop: true }, (m) => BACKOFF_METHODS.includes(m)],
  ];
  const cases = answers.flatMap(([name, fault, retried]) =>
    METHODS.map((method) => [method, name, fault, retried(method)] as const),
  );

  it.each(cases)("%s after %s: retried %s", async (method, _name, fault, retried) => {
    const { client, retries } = observed();
    server.script(fault);
    const result = call(client, method);
    if (retried) {
      await expect(result).resolves.toBeDefined();
      expect(server.count()).toBe(2);
      expect(retries).toHaveLength(1);
      expect(retries[0]).toMatchObject({
        attempt: 1,
        method,
        url: method === "POST" ? "/items" : "/items/a",
      });
    } else {
      const error = await failure(result);
      expect(server.count()).toBe(1);
      expect(retries).toHaveLength(0);
      if (fault.drop) expect(error).toBeInstanceOf(CivisNetworkError);
      else expect(error).toMatchObject({ status_code: fault.status, attempts: 1 });
    }
  });
});

describe("Retry-After", () => {
  it("waits the seconds it names", async () => {
    const { client, retries } = observed();
    server.script({ status: 503, headers: { "Retry-After": "1" } });
    const started = performance.now();
    await call(client, "GET");
    expect(retries[0]?.waitMs).toBe(1000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(server.count()).toBe(2);
  });

  it("waits until the HTTP date it names, read as GMT", async () => {
    let decidedAt = 0;
    const retries: RetryInfo[] = [];
    const client = clientWith({
      backoff: () => 2,
      onRetry: (info) => {
        decidedAt = Date.now();
        retries.push(info);
      },
    });
    const before = Date.now();
    const at = new Date(before + 2000);
    // Without a zone, the date is GMT all the same.
    const value = at.toUTCString().replace(/ GMT$/, "");
    const atMs = Date.parse(`${value} GMT`);
    server.script({ status: 429, headers: { "Retry-After": value } });
    const started = performance.now();
    await call(client, "POST");
    const waited = retries[0]?.waitMs ?? 0;
    // An HTTP date has whole seconds: the wait is what is left until then, counted from
    // when the answer came (between the call and the retry), however long the round trip.
    expect(waited).toBeGreaterThanOrEqual(atMs - decidedAt);
    expect(waited).toBeLessThanOrEqual(atMs - before);
    expect(performance.now() - started).toBeGreaterThanOrEqual(waited - 10);
    expect(server.count()).toBe(2);
  });

  it("takes a past date as no wait (the backoff applies)", async () => {
    const { client, retries } = observed({ backoff: () => 3 });
    server.script({ status: 503, headers: { "Retry-After": "Thu, 01 Jan 1970 00:00:00 GMT" } });
    await call(client, "PATCH");
    expect(retries.map((r) => r.waitMs)).toEqual([3]);
  });

  it.each(["1.5", "0x10", "-1", "inf", "", "Sat, never"])(
    "ignores an invalid value %j: the backoff applies, and PATCH is not retried",
    async (value) => {
      const { client, retries } = observed({ backoff: () => 3 });
      server.script({ status: 503, headers: { "Retry-After": value } });
      await call(client, "GET");
      expect(retries.map((r) => r.waitMs)).toEqual([3]);
      expect(server.count()).toBe(2);

      server.reset();
      server.script({ status: 503, headers: { "Retry-After": value } });
      await expect(call(client, "PATCH")).rejects.toMatchObject({ status_code: 503 });
      expect(server.count()).toBe(1);
    },
  );

  it("rejects at once with that answer's error when it asks for more than the time left", async () => {
    const { client, retries } = observed({ maxElapsedMs: 10_000 });
    for (const value of ["3600", new Date(Date.now() + 3_600_000).toUTCString()]) {
      server.reset();
      server.script({
        status: 503,
        headers: { "Retry-After": value },
        body: { errorDescription: "down for maintenance" },
      });
      const started = performance.now();
      const error = await failure(call(client, "GET"));
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error).toBeInstanceOf(CivisAPIError);
      expect(error).toMatchObject({
        status_code: 503,
        error_message: "down for maintenance",
        attempts: 1,
      });
      expect(server.count()).toBe(1);
    }
    expect(retries).toHaveLength(0);
  });
});

describe("every attempt sends the same request", () => {
  it.each(["PUT", "POST"] as const)("%s: method, URL, body bytes and headers", async (method) => {
    const { client } = observed();
    // PUT also survives a reset; POST is retried only on 429 and 503.
    const faults: Fault[] =
      method === "PUT"
        ? [{ status: 503 }, { drop: true }, { status: 429 }]
        : [{ status: 503 }, { status: 429, headers: { "Retry-After": "0" } }];
    server.script(...faults);
    const params = { name: 'héllo ✓ \u{1F600} "quoted"' };
    const init = { headers: { "X-Trace": "abc" } };
    await (method === "PUT"
      ? client.items.put("a/b", params, init)
      : client.items.post(params, init));
    const seen = server.requests;
    expect(seen).toHaveLength(faults.length + 1);
    const [first, ...rest] = seen;
    expect(JSON.parse(first?.body.toString("utf8") ?? "")).toEqual(params);
    expect(first?.headers["x-trace"]).toBe("abc");
    for (const later of rest) {
      expect(later.method).toBe(first?.method);
      expect(later.url).toBe(first?.url);
      expect(first && later.body.equals(first.body)).toBe(true);
      expect(later.headers).toEqual(first?.headers);
    }
  });
});

describe("POST and PATCH", () => {
  it.each([
    ["POST", { status: 502 }],
    ["POST", { status: 504 }],
    ["POST", { drop: true }],
    ["POST", { status: 413 }],
    ["PATCH", { status: 429 }],
    ["PATCH", { status: 503 }],
    ["PATCH", { status: 502, headers: { "Retry-After": "0" } }],
    ["PATCH", { drop: true }],
  ] as const)("%s is sent once after %j", async (method, fault) => {
    const { client } = observed();
    server.script(fault);
    await expect(call(client, method)).rejects.toMatchObject({ attempts: 1 });
    expect(server.count()).toBe(1);
  });

  it.each([
    ["POST", { status: 429 }],
    ["POST", { status: 503 }],
    ["PATCH", { status: 429, headers: { "Retry-After": "0" } }],
    ["PATCH", { status: 503, headers: { "Retry-After": "0" } }],
    ["PATCH", { status: 413, headers: { "Retry-After": "0" } }],
  ] as const)("%s is retried after %j", async (method, fault) => {
    const { client } = observed();
    server.script(fault, fault);
    await expect(call(client, method)).resolves.toEqual({});
    expect(server.count()).toBe(3);
  });
});

describe("the final error", () => {
  it("is the last answer's error, with its status and the number of attempts", async () => {
    const { client, retries } = observed({ maxAttempts: 4 });
    server.script(
      { status: 503, body: { errorDescription: "first" } },
      { status: 502, body: { errorDescription: "second" } },
      { drop: true },
      { status: 504, body: { errorDescription: "last" } },
    );
    const error = await failure(call(client, "GET"));
    expect(error).toBeInstanceOf(CivisAPIError);
    expect(error).toMatchObject({ status_code: 504, error_message: "last", attempts: 4 });
    expect(error.message).toBe("(504) last (GET /items/a)");
    expect(server.count()).toBe(4);
    expect(retries.map((r) => r.status)).toEqual([503, 502, undefined]);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it("is an answer that ends the retries early, counted", async () => {
    const { client } = observed();
    server.script({ status: 503 }, { status: 429 }, { status: 404 });
    await expect(call(client, "DELETE")).rejects.toMatchObject({ status_code: 404, attempts: 3 });
  });

  it("is a CivisAPIKeyError for a 401, whose cause counts the attempts", async () => {
    const { client } = observed();
    server.script({ status: 503 }, { status: 401 });
    const error = await failure(call(client, "GET"));
    expect(error).toBeInstanceOf(CivisAPIKeyError);
    expect((error as CivisAPIKeyError).cause).toMatchObject({ status_code: 401, attempts: 2 });
  });

  it("is a 2xx body that is not JSON after a retry, counted", async () => {
    // It said attempts: 1 although two requests were made.
    const { client } = observed();
    server.script({ status: 503 }, { body: "<html>" });
    const error = await failure(call(client, "GET"));
    expect(error).toBeInstanceOf(CivisAPIError);
    expect(error).toMatchObject({ status_code: 200, attempts: 2 });
    expect(error.message).toBe("(200) The response body is not valid JSON (GET /items/a)");
    expect(server.count()).toBe(2);
  });

  it("is a page that is not an array after a retry, counted", async () => {
    const { client } = observed();
    server.script({ status: 502 }, { body: { items: [] } });
    const pages = client.items.list({ limit: 2, iterator: true });
    const error = await failure(pages.json());
    expect(error).toMatchObject({ status_code: 200, attempts: 2 });
    expect(error.message).toBe(
      "(200) Page 1 of the list is not a JSON array (GET /items?limit=2&page_num=1)",
    );
  });

  it("after refused connections is a CivisNetworkError with the attempts", async () => {
    const closed = await unusedUrl();
    const retries: RetryInfo[] = [];
    const policy: RetryPolicy = {
      maxAttempts: 3,
      backoff: () => 1,
      onRetry: (i) => retries.push(i),
    };
    const get = await failure(clientWith(policy, closed).items.get("a"));
    expect(get).toBeInstanceOf(CivisNetworkError);
    expect(get).toMatchObject({ attempts: 3, aborted: false });
    expect(get.message).toMatch(/refused/i);
    expect(retries).toHaveLength(2);

    const post = await failure(clientWith(policy, closed).items.post({ name: "x" }));
    expect(post).toMatchObject({ attempts: 1 });
    expect(retries).toHaveLength(2);
  });

  it("counts the time spent against maxElapsedMs", async () => {
    // Each wait is 40 ms, so after two waits 80 ms have passed and a third would end past
    // 100 ms: at most 3 attempts, however fast the answers come (10 if time were not counted).
    const { client, retries } = observed({ backoff: () => 40, maxElapsedMs: 100 });
    server.script(...Array.from({ length: 10 }, () => ({ status: 503 })));
    const error = await failure(call(client, "GET"));
    expect(error).toBeInstanceOf(CivisAPIError);
    expect((error as CivisAPIError).attempts).toBeLessThanOrEqual(3);
    expect(server.count()).toBe(retries.length + 1);
  });

  // Infinity once counted as no wait: the client retried at once, 10 times in a row.
  it("comes after one attempt when the backoff is Infinity, an endless wait", async () => {
    const { client, retries } = observed({ backoff: () => Number.POSITIVE_INFINITY });
    server.respond(() => ({ status: 503 }));
    const error = await failure(call(client, "GET"));
    expect(error).toMatchObject({ status_code: 503, attempts: 1 });
    expect(server.count()).toBe(1);
    expect(retries).toEqual([]);
  });

  it("comes after one attempt when the backoff is Infinity, even with no time budget", async () => {
    const { client } = observed({
      backoff: () => Number.POSITIVE_INFINITY,
      maxElapsedMs: Number.POSITIVE_INFINITY,
    });
    server.respond(() => ({ status: 502 }));
    await expect(call(client, "GET")).rejects.toMatchObject({ status_code: 502, attempts: 1 });
    expect(server.count()).toBe(1);
  });

  it("comes after 10 attempts with the default policy", async () => {
    // The default backoff draws from Math.random: 0 makes every wait 0.
    vi.spyOn(Math, "random").mockReturnValue(0);
    server.respond(() => ({ status: 503 }));
    const error = await failure(clientWith(undefined).items.get("a"));
    expect(error).toMatchObject({ status_code: 503, attempts: 10 });
    expect(server.count()).toBe(10);
  });
});

/** A URL on which nothing listens: a port just freed. */
async function unusedUrl(): Promise<string> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  await once(probe, "close");
  if (address === null || typeof address === "string") throw new Error("no port");
  return `http://127.0.0.1:${address.port}/`;
}

describe("aborts and timeouts", () => {
  it("an abort during a Retry-After wait rejects at once", async () => {
    const controller = new AbortController();
    const client = clientWith({
      // The wait has started by the time a microtask queued here runs.
      onRetry: () => queueMicrotask(() => controller.abort()),
    });
    server.script({ status: 503, headers: { "Retry-After": "30" } });
    const started = performance.now();
    const error = await failure(call(client, "GET", { signal: controller.signal }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error).toMatchObject({ aborted: true, attempts: 1 });
    expect(server.count()).toBe(1);
  });

  it("an abort during a backoff wait rejects at once", async () => {
    const controller = new AbortController();
    const client = clientWith({
      backoff: () => 60_000,
      onRetry: () => queueMicrotask(() => controller.abort()),
    });
    server.script({ status: 502 });
    const started = performance.now();
    await expect(call(client, "PUT", { signal: controller.signal })).rejects.toMatchObject({
      aborted: true,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("an abort while the answer is awaited is not retried", async () => {
    const { client, retries } = observed();
    const controller = new AbortController();
    server.script({ delayMs: 10_000 });
    const result = call(client, "GET", { signal: controller.signal });
    await server.arrived(1);
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: "CivisNetworkError", aborted: true });
    expect(retries).toHaveLength(0);
    expect(server.count()).toBe(1);
  });

  it("init.signal still ends the call when init.timeout is set too", async () => {
    const { client, retries } = observed();
    const controller = new AbortController();
    server.script({ delayMs: 10_000 });
    const result = call(client, "GET", { signal: controller.signal, timeout: 8000 });
    await server.arrived(1);
    controller.abort();
    const error = await failure(result);
    expect(error).toMatchObject({ name: "CivisNetworkError", aborted: true, timedOut: false });
    expect(retries).toHaveLength(0);
    expect(server.count()).toBe(1);
  });

  it("init.timeout applies to each attempt, not to the whole call", async () => {
    const { client, retries } = observed();
    server.script({ status: 503, delayMs: 250 }, { body: { done: true }, delayMs: 250 });
    const started = performance.now();
    await expect(call(client, "GET", { timeout: 400 })).resolves.toEqual({ done: true });
    expect(performance.now() - started).toBeGreaterThan(400);
    expect(retries).toHaveLength(1);
  });

  it("a GET whose attempt times out is retried like a lost connection", async () => {
    const { client, retries } = observed();
    server.script({ delayMs: 5000 }, { body: { done: true } });
    await expect(call(client, "GET", { timeout: 200 })).resolves.toEqual({ done: true });
    expect(retries).toHaveLength(1);
    expect(server.count()).toBe(2);
  });

  it("a POST whose attempt times out ends the call, with a timed-out error", async () => {
    const { client, retries } = observed();
    server.script({ delayMs: 5000 });
    const started = performance.now();
    const error = await failure(call(client, "POST", { timeout: 200 }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error).toMatchObject({ aborted: false, timedOut: true, attempts: 1 });
    expect(error.message).toMatch(/Timed out after 200 ms/);
    expect(retries).toHaveLength(0);
    expect(server.count()).toBe(1);
  });
});

describe("retries: false", () => {
  it.each([{ status: 503, headers: { "Retry-After": "0" } }, { status: 502 }, { drop: true }])(
    "sends once after %j",
    async (fault) => {
      server.script(fault);
      await expect(call(clientWith(false), "GET")).rejects.toMatchObject({ attempts: 1 });
      expect(server.count()).toBe(1);
    },
  );
});

describe("what goes through the same retries", () => {
  it("every page of the paginated iterator", async () => {
    const { client, retries } = observed();
    const failedOnce = new Set<string>();
    server.respond((req) => {
      const page = new URL(req.url, server.url).searchParams.get("page_num") ?? "";
      if (page === "2" && !failedOnce.has(page)) {
        failedOnce.add(page);
        return { status: 503 };
      }
      if (page === "3" && !failedOnce.has(page)) {
        failedOnce.add(page);
        return { drop: true };
      }
      const items = { "1": [{ id: 1 }, { id: 2 }], "2": [{ id: 3 }, { id: 4 }], "3": [{ id: 5 }] };
      return { body: items[page as keyof typeof items] ?? [] };
    });
    const seen: unknown[] = [];
    for await (const item of client.items.list({ limit: 2, iterator: true })) seen.push(item);
    expect(seen).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }]);
    expect(retries.map((r) => r.url)).toEqual([
      "/items?limit=2&page_num=2",
      "/items?limit=2&page_num=3",
    ]);
    // Pages 1, 2, 2, 3, 3, and the empty page 4.
    expect(server.count()).toBe(6);
  });

  it("the spec download", async () => {
    server.script(
      { status: 503 },
      { drop: true },
      { status: 429, headers: { "Retry-After": "0" } },
    );
    server.respond((req) => (req.path === "/endpoints" ? { body: SPEC } : { body: {} }));
    const retries: RetryInfo[] = [];
    const client = await APIClient.create<ItemsApi>({
      baseUrl: server.url,
      apiKey: "download-retry-key",
      specCache: false,
      retries: { backoff: () => 1, onRetry: (info) => retries.push(info) },
    });
    expect(server.count({ path: "/endpoints" })).toBe(4);
    expect(retries.map((r) => r.status)).toEqual([503, undefined, 429]);
    expect(typeof client.items.get).toBe("function");
  });
});
