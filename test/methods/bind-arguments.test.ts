import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { normalizeSpec } from "../../src/description/normalize.js";
import { operationDetail } from "../../src/description/operation-detail.js";
import { type BoundCall, bindArguments, target } from "../../src/methods/bind-arguments.js";
import { PaginatedResponse } from "../../src/response/paginated-response.js";
import { type FixtureName, loadFixture } from "../helpers/fixtures.js";
import { startServer, type TestServer } from "../helpers/http-server.js";

function bind(fixture: FixtureName, resource: string, name: string, args: unknown[]): BoundCall {
  const model = normalizeSpec(loadFixture(fixture));
  const op = model.resources
    .get(resource)
    ?.operations()
    .find((o) => o.name === name);
  if (!op) throw new Error(`no ${resource}.${name}`);
  return bindArguments(op, operationDetail(op), args);
}

/** The body a call sends, parsed back from its JSON text. */
function sentBody(call: BoundCall): unknown {
  return call.body === undefined ? undefined : JSON.parse(call.body);
}

/** The TypeError a bad call gives, whether it throws at once or rejects. */
async function callError(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("the call did not fail");
}

describe("bindArguments: what a call sends", () => {
  it("puts path parameters in place, percent-encoded", () => {
    const call = bind("swagger2-basic", "workflows", "get_executions", [1, "a/b"]);
    expect(call.path).toBe("/workflows/1/executions/a%2Fb");
    expect(call.body).toBeUndefined();
  });

  it("sends query parameters under the spec's names, arrays as `name[]`", () => {
    const call = bind("swagger2-basic", "workflows", "list", [
      { limit: 5, tags: ["a", "b"], hidden: undefined },
    ]);
    expect(target(call)).toBe("/workflows?limit=5&tags%5B%5D=a&tags%5B%5D=b");
  });

  it("replaces page_num for an iterator page", () => {
    const call = bind("swagger2-basic", "workflows", "list", [{ page_num: 9, limit: 2 }]);
    expect(target(call, 3)).toBe("/workflows?limit=2&page_num=3");
  });

  it.each([
    ["snake_case", { instance_configs: [{ instance_type: "m5" }], name: "x" }],
    ["the spec's spelling", { instanceConfigs: [{ instanceType: "m5" }], name: "x" }],
  ])("accepts body parameters by %s", (_label, params) => {
    const call = bind("swagger2-basic", "workflows", "patch", [1, params]);
    expect(sentBody(call)).toEqual({ instanceConfigs: [{ instanceType: "m5" }], name: "x" });
  });

  it("accepts required parameters by either spelling", () => {
    const snake = bind("swagger2-basic", "imports", "post_files", [1, { file_name: "f" }]);
    const spec = bind("swagger2-basic", "imports", "post_files", [1, { fileName: "f" }]);
    expect(sentBody(snake)).toEqual({ fileName: "f" });
    expect(sentBody(spec)).toEqual({ fileName: "f" });
  });

  it("sends an OpenAPI 3 requestBody the same way", () => {
    const call = bind("openapi3-basic", "workflows", "post", [
      { name: "w", schedule: { scheduled_days: [1] } },
    ]);
    expect(sentBody(call)).toEqual({ name: "w", schedule: { scheduledDays: [1] } });
  });

  it("leaves out undefined values; sends no body when none is given", () => {
    const call = bind("swagger2-basic", "workflows", "patch", [1, { name: undefined }]);
    expect(call.body).toBeUndefined();
  });

  it("reads `iterator: true` only on a paginated GET", () => {
    expect(bind("swagger2-basic", "workflows", "list", [{ iterator: true }]).iterator).toBe(true);
    expect(bind("swagger2-basic", "workflows", "list", [{ iterator: false }]).iterator).toBe(false);
  });

  it("keeps a `__proto__` body key as data", () => {
    const params = JSON.parse('{"arguments": {"__proto__": {"polluted": true}}}') as object;
    const call = bind("swagger2-basic", "workflows", "post_executions", [1, params]);
    expect(call.body).toBe('{"arguments":{"__proto__":{"polluted":true}}}');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("passes init through", () => {
    const signal = new AbortController().signal;
    const init = { signal, timeout: 5, headers: { "X-Extra": "1" } };
    const call = bind("swagger2-basic", "workflows", "get", [1, {}, init]);
    expect(call.init).toBe(init);
    expect(call.headers).toEqual({ "X-Extra": "1" });
  });
});

describe("generated methods reject bad arguments before any request", () => {
  let server: TestServer;
  // biome-ignore lint/suspicious/noExplicitAny: the fixture client is untyped (LooseApi).
  let client: any;

  beforeAll(async () => {
    server = await startServer();
    client = new APIClient({
      localApiSpec: loadFixture("swagger2-basic"),
      apiKey: "k",
      baseUrl: server.url,
      retries: false,
    });
  });

  afterAll(async () => {
    // Every check below fails before a request: the server must have seen none.
    expect(server.requests).toEqual([]);
    await server.close();
  });

  it("a missing path parameter", async () => {
    const error = await callError(() => client.workflows.get());
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/missing the path parameter "id"/);
    expect(String(error)).toContain("workflows.get(id, params?, init?)");
  });

  it("a params object where a path parameter belongs", async () => {
    const error = await callError(() => client.workflows.get_executions(1, { name: "x" }));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/missing the path parameter "execution_id"/);
  });

  it("an unknown parameter, named, with the accepted names listed", async () => {
    const error = await callError(() => client.workflows.list({ bogus: 1 }));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/unknown parameter "bogus"/);
    expect(String(error)).toContain("accepted: limit, page_num, hidden, tags, iterator");
  });

  it("an unknown parameter on a method without any", async () => {
    const error = await callError(() => client.users.list_me({ x: 1 }));
    expect(String(error)).toMatch(/unknown parameter "x"; accepted: none/);
  });

  it("`iterator` on a method that does not page", async () => {
    const error = await callError(() => client.workflows.get(1, { iterator: true }));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/unknown parameter "iterator"/);
  });

  it.each([["true"], [1], ["yes"], [{}]])("`iterator: %j`, not a boolean", async (value) => {
    // Read as false, it returned one page as if it were the whole list.
    const error = await callError(() => client.workflows.list({ iterator: value }));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain("workflows.list(): iterator must be true or false");
  });

  it.each([
    ["no params", [1]],
    ["an empty params object", [1, {}]],
    ["an undefined value", [1, { kind: undefined }]],
    // The query string leaves null out, as civis-python drops None.
    ["a null query value", [1, { kind: null }]],
  ])("a missing required parameter (%s)", async (_label, args) => {
    const error = await callError(() => client.git_repos.list_ref_names(...args));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/missing required parameter\(s\) "kind"; accepted: kind/);
  });

  it("a required body property", async () => {
    const error = await callError(() => client.workflows.put(1, { time_zone: "UTC" }));
    expect(String(error)).toMatch(/missing required parameter\(s\) "name"/);
  });

  it("one parameter given under both spellings", async () => {
    const error = await callError(() =>
      client.workflows.put(1, { time_zone: "UTC", timeZone: "UTC", name: "x" }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/"time_zone" is given twice/);
  });

  it.each([".", "..", "%2e", "%2E%2e", ".%2E", "%252e%252e"])(
    "the path parameter %j",
    async (value) => {
      const error = await callError(() => client.workflows.get(value));
      expect(error).toBeInstanceOf(TypeError);
      expect(String(error)).toMatch(/may not be "\." or "\.\."/);
    },
  );

  it.each([
    ["null", null],
    ["a boolean", true],
    ["an array", [1]],
    ["an empty string", ""],
  ])("a path parameter that is %s", async (_label, value) => {
    expect(await callError(() => client.workflows.get(value))).toBeInstanceOf(TypeError);
  });

  it("extra positional arguments", async () => {
    const error = await callError(() => client.workflows.get(1, {}, {}, "extra"));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/too many arguments \(4\)/);
    expect(String(error)).toContain("call it as workflows.get(id, params?, init?)");
  });

  it.each([
    ["a string", "x"],
    ["an array", [1]],
    ["a number", 2],
  ])("params that are %s", async (_label, params) => {
    const error = await callError(() => client.workflows.get(1, params));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/expected a params object, got /);
    // The signature says how many path parameters come before params.
    expect(String(error)).toContain("call it as workflows.get(id, params?, init?)");
  });

  it.each([
    ["not an object", "fast", /init\) must be an object/],
    ["an unknown option", { retries: 2 }, /unknown init option "retries"/],
    ["a signal that is not one", { signal: {} }, /init.signal must be an AbortSignal/],
    ["a negative timeout", { timeout: -1 }, /init.timeout/],
    ["a timeout past setTimeout's limit", { timeout: 2 ** 31 }, /init.timeout/],
    ["headers that are not an object", { headers: "x" }, /init.headers/],
    ["a header value with CR/LF", { headers: { "X-A": "a\r\nX-B: b" } }, /CR, LF or NUL/],
    ["a header name with LF", { headers: { "X-A\nX-B": "a" } }, /CR, LF or NUL/],
  ])("an init that is %s", async (_label, init, message) => {
    const error = await callError(() => client.workflows.get(1, {}, init));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(message);
  });

  // The checks run in a fixed order, so a call with several mistakes names the same first one.
  it.each([
    ["the path before the params", [undefined, "x"], /missing the path parameter "id"/],
    ["the params object before init", [1, "x", "fast"], /expected a params object/],
    ["init before the params' names", [1, { bogus: 1 }, { retries: 2 }], /unknown init option/],
    ["the names before required ones", [1, { bogus: 1 }], /unknown parameter "bogus"/],
  ])("checks %s", async (_label, args, message) => {
    const error = await callError(() => client.workflows.put(...args));
    expect(String(error)).toMatch(message);
  });

  it("returns a rejected promise, not a throw, for a bad ordinary call", () => {
    const result = client.workflows.get();
    expect(result).toBeInstanceOf(Promise);
    return expect(result).rejects.toThrow(TypeError);
  });

  it("returns a PaginatedResponse at once for `iterator: true`, without a request", () => {
    expect(client.workflows.list({ iterator: true })).toBeInstanceOf(PaginatedResponse);
  });
});
