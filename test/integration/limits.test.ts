import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APIClient, CivisNetworkError, type HookContext } from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { API_KEY, type FixtureApi } from "./fixture-client.js";

function clientOf(url: string, options: Record<string, unknown> = {}): APIClient<FixtureApi> {
  return new APIClient<FixtureApi>({
    localApiSpec: loadFixture("swagger2-basic"),
    apiKey: API_KEY,
    baseUrl: url,
    retries: false,
    ...options,
  });
}

/** A promise with its resolve, to hold a server's answers until the test lets them go. */
function latch(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe("maxConcurrent", () => {
  let server: TestServer;
  let active = 0;
  let most = 0;
  let hold = latch();
  beforeAll(async () => {
    server = await startServer(async (_req, res) => {
      active++;
      most = Math.max(most, active);
      await hold.promise;
      active--;
      sendJson(res, 200, { id: 1 });
    });
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.requests.length = 0;
    most = 0;
    hold = latch();
  });

  /** Starts `n` calls, lets the server answer once `firstWave` have arrived, and waits for all. */
  async function fanOut(client: APIClient<FixtureApi>, n: number, firstWave: number) {
    const calls = Array.from({ length: n }, (_, i) => client.workflows.get(i + 1));
    while (server.requests.length < firstWave) await new Promise((r) => setImmediate(r));
    hold.open();
    return Promise.all(calls);
  }

  it("keeps at most that many requests in flight", async () => {
    await fanOut(clientOf(server.url, { maxConcurrent: 3 }), 10, 3);
    expect(most).toBe(3);
    expect(server.requests).toHaveLength(10);
  });

  it("without it, sends every request at once", async () => {
    await fanOut(clientOf(server.url), 10, 10);
    expect(most).toBe(10);
  });

  it("lets waiting requests go in the order they were made", async () => {
    await fanOut(clientOf(server.url, { maxConcurrent: 1 }), 6, 1);
    expect(server.requests.map((r) => r.url)).toEqual(
      [1, 2, 3, 4, 5, 6].map((id) => `/workflows/${id}`),
    );
  });

  it("ends a wait in the queue when the call's signal aborts; nothing is sent for it", async () => {
    const client = clientOf(server.url, { maxConcurrent: 1 });
    const first = client.workflows.get(1);
    const controller = new AbortController();
    const second = client.workflows.get(2, {}, { signal: controller.signal });
    const third = client.workflows.get(3);
    while (server.requests.length < 1) await new Promise((r) => setImmediate(r));
    controller.abort();
    const error = await second.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect((error as CivisNetworkError).aborted).toBe(true);
    expect((error as Error).message).toBe("Aborted while waiting to send (GET /workflows/2)");
    hold.open();
    await Promise.all([first, third]);
    expect(server.requests.map((r) => r.url)).toEqual(["/workflows/1", "/workflows/3"]);
  });

  it("frees the slot of a call that failed", async () => {
    hold.open();
    const client = clientOf(server.url, { maxConcurrent: 1 });
    const refused = clientOf("http://127.0.0.1:9/", { maxConcurrent: 1 });
    await expect(refused.workflows.get(1)).rejects.toBeInstanceOf(CivisNetworkError);
    await expect(refused.workflows.get(1)).rejects.toBeInstanceOf(CivisNetworkError);
    await client.workflows.get(1);
    expect(server.requests).toHaveLength(1);
  });

  it("must be a positive integer", () => {
    for (const bad of [0, -1, 1.5, "2", Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(() => clientOf(server.url, { maxConcurrent: bad })).toThrow(
        new TypeError("maxConcurrent must be a positive integer"),
      );
    }
  });
});

describe("maxConcurrent: when a slot is freed", () => {
  let server: TestServer;
  /** Holds the body of /workflows/stall half-sent until the test opens it. */
  let stall = latch();
  beforeAll(async () => {
    server = await startServer(async (req, res) => {
      if (req.url.startsWith("/workflows/stall")) {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write('{"id":');
        await stall.promise;
        return void res.end("1}");
      }
      if (req.url.startsWith("/workflows/slow")) await new Promise((r) => setTimeout(r, 150));
      sendJson(res, 200, { id: 2 });
    });
  });
  afterAll(() => {
    stall.open();
    return server.close();
  });
  afterEach(() => {
    stall.open();
    stall = latch();
    server.requests.length = 0;
  });

  it("frees the slot of a call that timed out or was aborted mid-body, or whose hook threw", async () => {
    let hookThrows = true;
    const client = clientOf(server.url, {
      maxConcurrent: 1,
      hooks: {
        onResponse: () => {
          if (hookThrows) throw new Error("from the hook");
        },
      },
    });
    await expect(client.workflows.get("stall", {}, { timeout: 50 })).rejects.toThrow(
      "Timed out after 50 ms (GET /workflows/stall)",
    );
    const controller = new AbortController();
    const aborted = client.workflows.get("stall", {}, { signal: controller.signal });
    while (server.requests.length < 2) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(aborted).rejects.toThrow("Aborted (GET /workflows/stall)");
    await expect(client.workflows.get(2)).rejects.toThrow("from the hook");
    hookThrows = false;
    expect((await client.workflows.get(2)).id).toBe(2);
  });

  it("frees a raw answer's slot when its headers arrive: a body never read holds none", async () => {
    const client = clientOf(server.url, { maxConcurrent: 1, returnType: "raw" });
    const unread = (await client.workflows.get("stall")) as unknown as globalThis.Response;
    expect(unread.status).toBe(200);
    const next = (await client.workflows.get(2)) as unknown as globalThis.Response;
    expect(await next.json()).toEqual({ id: 2 });
    stall.open();
    expect(await unread.json()).toEqual({ id: 1 });
  });

  it("counts init.timeout from when an attempt is sent, not while it waits for a slot", async () => {
    const client = clientOf(server.url, { maxConcurrent: 1 });
    // The second waits about 150 ms for the first, three times its own timeout.
    const [first, second] = await Promise.all([
      client.workflows.get("slow"),
      client.workflows.get(2, {}, { timeout: 50 }),
    ]);
    expect([first.id, second.id]).toEqual([2, 2]);
  });
});

describe("rateLimit", () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server.close());
  afterEach(() => server.reset());

  /** A client whose first request draws a 429, and a promise that resolves once it is seen. */
  function throttled(options: Record<string, unknown>, retryAfter: string) {
    let seen429 = () => {};
    const got429 = new Promise<void>((resolve) => {
      seen429 = resolve;
    });
    server.script({ status: 429, headers: { "Retry-After": retryAfter } });
    const client = clientOf(server.url, {
      retries: { backoff: () => 0 },
      hooks: {
        onResponse: (ctx: HookContext) => {
          if (ctx.response?.status === 429) seen429();
        },
      },
      ...options,
    });
    return { client, got429 };
  }

  it('"pause" (the default): one 429 holds the client\'s new requests for its Retry-After', async () => {
    const { client, got429 } = throttled({}, "30");
    const first = new AbortController();
    const a = client.workflows.get(1, {}, { signal: first.signal });
    await got429;
    const second = new AbortController();
    const b = client.workflows.get(2, {}, { signal: second.signal });
    second.abort();
    first.abort();
    await expect(b).rejects.toThrow("Aborted while waiting to send (GET /workflows/2)");
    await expect(a).rejects.toBeInstanceOf(CivisNetworkError);
    expect(server.requests.map((r) => r.url)).toEqual(["/workflows/1"]);
  });

  it('"pause": held requests go out once the time has passed', async () => {
    const { client, got429 } = throttled({}, "1");
    const a = client.workflows.get(1);
    await got429;
    const b = client.workflows.get(2);
    await Promise.all([a, b]);
    expect(server.requests.map((r) => r.url).sort()).toEqual([
      "/workflows/1",
      "/workflows/1",
      "/workflows/2",
    ]);
    // The held request went out after the 429, not before it.
    expect(server.requests[0]!.url).toBe("/workflows/1");
  });

  it("false: each request waits on its own", async () => {
    const { client, got429 } = throttled({ rateLimit: false }, "30");
    const first = new AbortController();
    const a = client.workflows.get(1, {}, { signal: first.signal });
    await got429;
    await client.workflows.get(2);
    first.abort();
    await expect(a).rejects.toBeInstanceOf(CivisNetworkError);
    expect(server.requests.map((r) => r.url)).toEqual(["/workflows/1", "/workflows/2"]);
  });

  it('must be "pause" or false', () => {
    expect(() => clientOf(server.url, { rateLimit: "wait" })).toThrow(
      new TypeError('rateLimit must be "pause" or false'),
    );
  });
});
