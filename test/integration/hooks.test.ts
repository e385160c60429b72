import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  APIClient,
  CivisAPIError,
  CivisNetworkError,
  type HookContext,
  type Hooks,
} from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { loadFixture } from "../helpers/fixtures.js";
import { API_KEY, AUTHORIZATION, type FixtureApi } from "./fixture-client.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  server.respond(() => ({ body: { id: 1 } }));
});

const fastRetries = { backoff: () => 1 };

function client(options: Record<string, unknown> = {}): APIClient<FixtureApi> {
  return new APIClient<FixtureApi>({
    localApiSpec: loadFixture("swagger2-basic"),
    apiKey: API_KEY,
    baseUrl: server.url,
    retries: false,
    ...options,
  });
}

/** Hooks that record each call as `name:attempt`, with a copy of what they saw. */
function recorder(): { hooks: Required<Hooks>; seen: Array<[string, HookContext]> } {
  const seen: Array<[string, HookContext]> = [];
  const record = (name: string) => (ctx: HookContext) => {
    seen.push([name, { ...ctx, request: { ...ctx.request, headers: { ...ctx.request.headers } } }]);
  };
  return {
    seen,
    hooks: {
      onRequest: record("onRequest"),
      onRequestError: record("onRequestError"),
      onResponse: record("onResponse"),
      onResponseError: record("onResponseError"),
    },
  };
}

describe("hooks", () => {
  it("see every attempt with the operation, method, path, url, attempt and request", async () => {
    const { hooks, seen } = recorder();
    server.script({ status: 503 }, { status: 503 });
    await client({ hooks, retries: fastRetries }).workflows.list_executions(7, { limit: 2 });
    expect(seen.map(([name, ctx]) => `${name}:${ctx.attempt}`)).toEqual([
      "onRequest:1",
      "onResponse:1",
      "onResponseError:1",
      "onRequest:2",
      "onResponse:2",
      "onResponseError:2",
      "onRequest:3",
      "onResponse:3",
    ]);
    const [, first] = seen[0]!;
    expect(first).toMatchObject({
      operation: "workflows.list_executions",
      method: "GET",
      path: "/workflows/7/executions?limit=2",
      url: `${server.url}workflows/7/executions?limit=2`,
      attempt: 1,
      request: { body: undefined },
    });
    expect(first.request.headers.Authorization).toBe(AUTHORIZATION);
    const [, failed] = seen[2]!;
    expect(failed.response?.status).toBe(503);
    expect(failed.error).toBeInstanceOf(CivisAPIError);
    expect((failed.error as CivisAPIError).status_code).toBe(503);
  });

  it("give the request body as sent", async () => {
    const { hooks, seen } = recorder();
    await client({ hooks }).workflows.patch(1, { name: "w" });
    expect(seen[0]![1].request.body).toBe('{"name":"w"}');
    expect(seen[0]![1].request.headers["Content-Type"]).toBe("application/json");
  });

  it("are awaited in order, as arrays, before the request goes out", async () => {
    const order: string[] = [];
    const later = (name: string) => async () => {
      await new Promise((resolve) => setImmediate(resolve));
      order.push(name);
    };
    await client({
      hooks: { onRequest: [later("a"), later("b")], onResponse: later("c") },
    }).workflows.get(1);
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("let onRequest change the headers sent", async () => {
    await client({
      hooks: {
        onRequest: (ctx: HookContext) => {
          ctx.request.headers["X-Trace-Id"] = "trace-1";
          delete ctx.request.headers.Accept;
        },
      },
    }).workflows.get(1);
    const { headers } = server.requests[0]!;
    expect(headers["x-trace-id"]).toBe("trace-1");
    expect(headers.accept).not.toBe("application/json");
    expect(headers.authorization).toBe(AUTHORIZATION);
  });

  it("let onRequest replace the headers object, and send what it gave", async () => {
    await client({
      hooks: {
        onRequest: (ctx: HookContext) => {
          ctx.request.headers = { ...ctx.request.headers, "X-Trace-Id": "trace-2" };
        },
      },
    }).workflows.get(1);
    const { headers } = server.requests[0]!;
    expect(headers["x-trace-id"]).toBe("trace-2");
    expect(headers.authorization).toBe(AUTHORIZATION);
  });

  it("check the headers of a replaced object too, before anything is sent", async () => {
    const error = await client({
      hooks: {
        onRequest: (ctx: HookContext) => {
          ctx.request.headers = { ...ctx.request.headers, "X-Bad": "a\r\nX-Injected: 1" };
        },
      },
    })
      .workflows.get(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/X-Bad/);
    expect(server.requests).toHaveLength(0);
  });

  it("let onRequest answer the call itself, without the network", async () => {
    const { hooks, seen } = recorder();
    const result = await client({
      hooks: {
        onRequest: [() => Response.json({ id: 42, from_hook: true }), hooks.onRequest],
        onResponse: hooks.onResponse,
      },
    }).workflows.get(1);
    expect(result.from_hook).toBe(true);
    expect(server.requests).toHaveLength(0);
    // The first Response ends onRequest; onResponse still sees it.
    expect(seen.map(([name]) => name)).toEqual(["onResponse"]);
  });

  it("run onRequestError when an attempt gets no answer", async () => {
    const { hooks, seen } = recorder();
    server.script({ drop: true });
    await expect(client({ hooks }).workflows.get(1)).rejects.toBeInstanceOf(CivisNetworkError);
    expect(seen.map(([name]) => name)).toEqual(["onRequest", "onRequestError"]);
    expect(seen[1]![1].error).toBeInstanceOf(CivisNetworkError);
    expect(seen[1]![1].response).toBeUndefined();
  });

  it("let what a hook throws reach the caller as it is, and stop the call", async () => {
    for (const name of ["onRequest", "onResponse", "onResponseError"] as const) {
      const thrown = new RangeError(`from ${name}`);
      server.reset();
      server.script({ status: 404 });
      const c = client({
        retries: fastRetries,
        hooks: {
          [name]: () => {
            throw thrown;
          },
        },
      });
      await expect(c.workflows.get(1)).rejects.toBe(thrown);
      expect(server.requests.length).toBe(name === "onRequest" ? 0 : 1);
    }
  });

  it("let a CivisNetworkError an onResponseError hook throws reach the caller, not retried", async () => {
    // Once retried as a lost connection: what a hook throws reaches the caller as it is.
    const thrown = new CivisNetworkError("GET", "/workflows/1", "from the hook", "failed", 1);
    server.script({ status: 503 });
    const c = client({
      retries: fastRetries,
      hooks: {
        onResponseError: () => {
          throw thrown;
        },
      },
    });
    await expect(c.workflows.get(1)).rejects.toBe(thrown);
    expect(server.requests.length).toBe(1);
  });

  it("let a CivisNetworkError onRequest or a 2xx's onResponse throws reach the caller, not retried", async () => {
    // Once taken for a lost connection: the GET went again, and onRequestError saw the hook's error.
    for (const name of ["onRequest", "onResponse"] as const) {
      const thrown = new CivisNetworkError("GET", "/other", `from ${name}`, "failed", 1);
      const { hooks, seen } = recorder();
      server.reset();
      const c = client({
        retries: fastRetries,
        hooks: {
          [name]: () => {
            throw thrown;
          },
          onRequestError: hooks.onRequestError,
        },
      });
      await expect(c.workflows.get(1)).rejects.toBe(thrown);
      expect(server.requests.length).toBe(name === "onRequest" ? 0 : 1);
      expect(seen).toEqual([]);
    }
  });

  it("per call (init.hooks) run after the client's, for that call only", async () => {
    const order: string[] = [];
    const c = client({ hooks: { onRequest: () => void order.push("client") } });
    await c.workflows.get(1, {}, { hooks: { onRequest: () => void order.push("call") } });
    await c.workflows.get(1);
    expect(order).toEqual(["client", "call", "client"]);
  });

  it("per call work on a client without hooks, and on every page of an iterator", async () => {
    server.respond((req) => ({
      body: req.url.includes("page_num=2") ? [] : [{ id: 1 }],
      headers: { "X-Pagination-Total-Pages": "2" },
    }));
    const seen: string[] = [];
    const c = client({ rateLimit: false });
    const pages = c.workflows.list(
      { iterator: true },
      { hooks: { onRequest: (ctx: HookContext) => void seen.push(ctx.path) } },
    );
    for await (const _ of pages) {
      // Reading every page.
    }
    expect(seen).toEqual(["/workflows?page_num=1", "/workflows?page_num=2"]);
  });

  it("never see the API key outside the Authorization header", async () => {
    const { hooks, seen } = recorder();
    server.script({ status: 500, body: { errorDescription: "boom" } }, { drop: true });
    const c = client({ hooks });
    await expect(c.workflows.get(1)).rejects.toThrow();
    await expect(c.workflows.get(2)).rejects.toThrow();
    const basic = AUTHORIZATION.slice("Basic ".length);
    for (const [, ctx] of seen) {
      const { Authorization, ...otherHeaders } = ctx.request.headers;
      expect(Authorization).toBe(AUTHORIZATION);
      const rest = JSON.stringify({ ...ctx, request: { ...ctx.request, headers: otherHeaders } });
      const error = ctx.error ? `${ctx.error.message} ${ctx.error.stack}` : "";
      for (const text of [rest, error]) {
        expect(text).not.toContain(API_KEY);
        expect(text).not.toContain(basic);
      }
    }
  });

  it("see the spec download of APIClient.create() as endpoints.list", async () => {
    server.respond(() => ({ body: loadFixture("swagger2-basic") }));
    const { hooks, seen } = recorder();
    await APIClient.create({ apiKey: API_KEY, baseUrl: server.url, specCache: false, hooks });
    expect(seen.map(([name, ctx]) => `${name} ${ctx.operation} ${ctx.path}`)).toEqual([
      "onRequest endpoints.list /endpoints",
      "onResponse endpoints.list /endpoints",
    ]);
  });
});
