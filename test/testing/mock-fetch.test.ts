import { describe, expect, it } from "vitest";
import { APIClient, CivisAPIError, type CivisResource } from "../../src/index.js";
import { type MockArgs, mockFetch } from "../../src/testing/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import type { FixtureApi } from "../integration/fixture-client.js";

function clientWith(fetch: typeof globalThis.fetch, spec = loadFixture("swagger2-basic")) {
  return new APIClient<FixtureApi>({
    localApiSpec: spec,
    fetch,
    apiKey: "test-key",
    baseUrl: "https://api.example.test/",
    retries: false,
  });
}

describe("mockFetch", () => {
  it("answers a call from the handler named for its method, with typed args by spec names", async () => {
    const spec = loadFixture("swagger2-basic");
    const seen: MockArgs[] = [];
    const fetch = mockFetch(spec, {
      "workflows.get_executions": (args) => {
        seen.push(args);
        return { id: args.path.execution_id, state: "running" };
      },
      "workflows.list": (args) => {
        seen.push(args);
        return [{ id: 1 }];
      },
      "workflows.patch": (args) => {
        seen.push(args);
        return { id: args.path.id, ...(args.body as object) };
      },
    });
    const c = clientWith(fetch, spec);
    const execution = await c.workflows.get_executions(3, 9);
    expect(execution.state).toBe("running");
    expect(seen[0]).toMatchObject({ path: { id: 3, execution_id: 9 }, query: {}, body: undefined });
    expect(seen[0]!.headers.authorization).toMatch(/^Basic /);

    await c.workflows.list({ limit: 5, hidden: true, tags: ["a", "b"] });
    expect(seen[1]!.query).toEqual({ limit: 5, hidden: true, tags: ["a", "b"] });

    const patched = await c.workflows.patch(4, { name: "renamed" });
    expect(seen[2]!.body).toEqual({ name: "renamed" });
    expect(patched.name).toBe("renamed");
  });

  it("sends a full answer { status, headers, body } as it says; nothing is a 204", async () => {
    let deleted = false;
    const c = clientWith(
      mockFetch(loadFixture("swagger2-basic"), {
        "workflows.get": () => ({ status: 404, body: { errorDescription: "Not found" } }),
        "workflows.list": ({ query }) => ({
          status: 200,
          headers: { "X-Pagination-Total-Pages": "2" },
          body: query.page_num === 2 ? [{ id: 2 }] : [{ id: 1 }],
        }),
        "workflows.delete": () => {
          deleted = true;
        },
      }),
    );
    const error = await c.workflows.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisAPIError);
    expect((error as Error).message).toBe("(404) Not found (GET /workflows/1)");
    const ids: unknown[] = [];
    for await (const workflow of c.workflows.list({ iterator: true })) ids.push(workflow.id);
    expect(ids).toEqual([1, 2]);
    await c.workflows.delete(1);
    expect(deleted).toBe(true);
  });

  it("makes an unhandled call an error naming its method", async () => {
    const c = clientWith(mockFetch(loadFixture("swagger2-basic"), {}));
    await expect(c.users.list_me()).rejects.toThrow(
      '(501) mockFetch has no handler for "users.list_me" (GET /users/me)',
    );
  });

  it("makes a handler's own error an answer naming the method", async () => {
    const c = clientWith(
      mockFetch(loadFixture("swagger2-basic"), {
        "workflows.get": () => {
          throw new Error("fixture missing");
        },
      }),
    );
    await expect(c.workflows.get(1)).rejects.toThrow(
      '(500) mockFetch: "workflows.get" threw: fixture missing (GET /workflows/1)',
    );
  });

  it("makes an answer that cannot be sent an error naming the method, not a lost connection", async () => {
    // Once a rejected fetch: "Network error ... (offline, DNS, or CORS?)", retried.
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let calls = 0;
    const c = new APIClient<FixtureApi>({
      localApiSpec: loadFixture("swagger2-basic"),
      fetch: mockFetch(loadFixture("swagger2-basic"), {
        "workflows.get": () => {
          calls++;
          return { big: 1n };
        },
        "workflows.list": () => cyclic,
        "users.list_me": () => ({ status: 99 }),
      }),
      apiKey: "test-key",
      baseUrl: "https://api.example.test/",
      retries: { backoff: () => 1 },
    });
    for (const call of [
      () => c.workflows.get(1),
      () => c.workflows.list(),
      () => c.users.list_me(),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CivisAPIError);
      expect((error as Error).message).toMatch(
        /mockFetch: "\w+\.\w+" gave an answer that cannot be sent/,
      );
    }
    expect(calls).toBe(1);
  });

  it("refuses at creation a handler for a method the spec lacks, or one that is not a function", () => {
    const spec = loadFixture("swagger2-basic");
    expect(() => mockFetch(spec, { "workflows.gett": () => ({}) })).toThrow(
      new TypeError('mockFetch: the spec has no method "workflows.gett"'),
    );
    expect(() =>
      mockFetch(spec, { "workflows.get": { id: 1 } as unknown as () => unknown }),
    ).toThrow(new TypeError('mockFetch: the handler for "workflows.get" must be a function'));
  });

  it("serves the spec at /endpoints, so APIClient.create() works, under any base path", async () => {
    const spec = loadFixture("openapi3-basic");
    const fetch = mockFetch(spec, { "workflows.get": ({ path }) => ({ id: path.id }) });
    const c = await APIClient.create<FixtureApi>({
      fetch,
      apiKey: "k",
      baseUrl: "https://example.test/api/v1/",
      specCache: false,
    });
    expect((await c.workflows.get(7)).id).toBe(7);
  });

  it("takes a handler by a method's get_* alias, the client's same function, but not two for one method", async () => {
    const spec = loadFixture("swagger2-basic");
    const c = clientWith(mockFetch(spec, { "users.get_me": () => ({ username: "me" }) }), spec);
    // A call ported from civis-python (users.get_me) and its list_* name reach the one handler.
    expect((await c.users.get_me()).username).toBe("me");
    expect((await c.users.list_me()).username).toBe("me");
    expect(() =>
      mockFetch(spec, { "users.list_me": () => ({}), "users.get_me": () => ({}) }),
    ).toThrow(
      new TypeError(
        'mockFetch: "users.get_me" is another name of "users.list_me"; give it one handler',
      ),
    );
  });

  it("serves the spec for APIClient.create() when the spec lists /endpoints itself, as Civis's does", async () => {
    const spec = {
      swagger: "2.0",
      info: { title: "t", version: "1" },
      paths: {
        "/endpoints": { get: { responses: { "200": { description: "the spec" } } } },
        "/workflows/{id}": {
          get: {
            parameters: [{ name: "id", in: "path", required: true, type: "integer" }],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    const create = (fetch: typeof globalThis.fetch) =>
      APIClient.create<FixtureApi>({
        fetch,
        apiKey: "k",
        baseUrl: "https://example.test/",
        specCache: false,
      });
    const c = await create(mockFetch(spec, { "workflows.get": ({ path }) => ({ id: path.id }) }));
    expect((await c.workflows.get(7)).id).toBe(7);
    // A handler of its own answers the download instead.
    await expect(
      create(mockFetch(spec, { "endpoints.list": () => ({ status: 403, body: {} }) })),
    ).rejects.toThrow(/API key may be expired/);
  });

  it("gives the literal path precedence over a parameter (/users/me, not /users/{id})", async () => {
    const spec = {
      swagger: "2.0",
      info: { title: "t", version: "1" },
      paths: {
        "/users/{id}": {
          get: {
            parameters: [{ name: "id", in: "path", required: true, type: "integer" }],
            responses: { "200": { description: "ok" } },
          },
        },
        "/users/me": { get: { responses: { "200": { description: "ok" } } } },
      },
    };
    const c = clientWith(
      mockFetch(spec, {
        "users.get": () => ({ who: "by id" }),
        "users.list_me": () => ({ who: "me" }),
      }),
      spec,
    );
    expect((await c.users.list_me()).who).toBe("me");
    expect((await c.users.get(3)).who).toBe("by id");
  });

  it("types the items of a query array, and OpenAPI 3.1 type lists, by the spec", async () => {
    const spec = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/items/{id}": {
          get: {
            parameters: [
              { name: "id", in: "path", required: true, schema: { type: "integer" } },
              { name: "ids", in: "query", schema: { type: "array", items: { type: "integer" } } },
              { name: "flags", in: "query", schema: { type: "array", items: { type: "boolean" } } },
              { name: "limit", in: "query", schema: { type: ["integer", "null"] } },
            ],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    const seen: MockArgs[] = [];
    const c = new APIClient<{ items: CivisResource }>({
      localApiSpec: spec,
      fetch: mockFetch(spec, { "items.get": (args) => void seen.push(args) }),
      apiKey: "test-key",
      baseUrl: "https://api.example.test/",
    });
    await c.items.get(3, { ids: [1, 2], flags: [true, false], limit: 5 });
    expect(seen[0]!.path).toEqual({ id: 3 });
    expect(seen[0]!.query).toEqual({ ids: [1, 2], flags: [true, false], limit: 5 });
  });
});
