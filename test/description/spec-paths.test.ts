import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient, type CivisResource, help, SpecError } from "../../src/index.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

// Issue 11, classes 9, 11 and 15: spec paths that would leave the base URL's path or
// drop the query; `__proto__` in an allOf merge; NaN and Infinity as path parameters.

const ok = { responses: { "200": { description: "ok" } } };
const swagger = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  swagger: "2.0",
  info: { title: "t", version: "1" },
  paths,
  ...extra,
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, {}));
});
afterAll(() => server.close());

describe("a spec path with dot segments, ? or #", () => {
  it.each([
    "/a/../../admin",
    "/a/./b",
    "/b/%2e%2e/admin",
    "/b/%2E%2e/admin",
    "/b/.%2e/admin",
    "/b/%252e%252e/admin",
    "/b/..\\admin",
    "/b/..",
    "/b/%2e%2e%2fadmin",
    "/b?admin=1",
    "/b#fragment",
    "/b/{id}#x",
    // The URL parser drops tabs and newlines, then resolves the `..` they hid.
    "/a/.\t./admin",
    "/a/%2e\n%2e/admin",
    "/a/..\r/admin",
    "/a/\t./b",
  ])("%j is refused when the client is built", (path) => {
    const build = () =>
      new APIClient({
        localApiSpec: swagger({ [path]: { get: ok } }),
        apiKey: "k",
        baseUrl: server.url,
      });
    expect(build).toThrow(SpecError);
    expect(build).toThrow(`"${path}"`);
    expect(server.requests).toHaveLength(0);
  });

  // The check looks at all the paths at once first, then path by path: a bad path is
  // found wherever it stands among good ones, with or without another path that has a dot.
  it.each([
    ["last", ["/a", "/b/{id}", "/c/v1.2", "/d/%2e%2e/admin"]],
    ["first", ["/d/..", "/a", "/b/{id}"]],
    ["among paths without a dot", ["/a", "/b?x=1", "/c/{id}"]],
  ])("a bad path is refused when it comes %s", (_where, paths) => {
    const build = () =>
      new APIClient({
        localApiSpec: swagger(Object.fromEntries(paths.map((p) => [p, { get: ok }]))),
        apiKey: "k",
        baseUrl: server.url,
      });
    expect(build).toThrow(SpecError);
    expect(build).toThrow(`"${paths.find((p) => /\.\.|\?|%2e/.test(p))}"`);
  });

  it.each(["/b/...", "/b/.hidden", "/b/a..b", "/b/v1.2"])("%j is a path like any other", (path) => {
    expect(
      () => new APIClient({ localApiSpec: swagger({ [path]: { get: ok } }), apiKey: "k" }),
    ).not.toThrow();
  });
});

describe("a body property named __proto__ inside allOf", () => {
  const spec = swagger(
    {
      "/things": {
        post: {
          parameters: [{ name: "body", in: "body", schema: { $ref: "#/definitions/Thing" } }],
          ...ok,
        },
      },
    },
    {
      definitions: {
        Base: {
          type: "object",
          properties: JSON.parse('{"__proto__": {"type": "string"}, "plain": {"type": "string"}}'),
        },
        Thing: {
          allOf: [{ $ref: "#/definitions/Base" }, { properties: { extra: { type: "integer" } } }],
        },
      },
    },
  );

  it("is a parameter: accepted by a call, listed by help, sent as data", async () => {
    const client = new APIClient<{ things: CivisResource }>({
      localApiSpec: spec,
      apiKey: "proto-key",
      baseUrl: server.url,
      retries: false,
    });
    expect(help(client.things.post)).toMatch(/__proto__ : string/);
    const params = JSON.parse('{"__proto__": "kept", "plain": "p", "extra": 1}');
    await client.things.post(params);
    const sent = JSON.parse(server.requests.at(-1)!.body);
    expect(Object.keys(sent).sort()).toEqual(["__proto__", "extra", "plain"]);
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
    expect(Object.prototype).not.toHaveProperty("kept");
  });
});

describe("a path parameter that is not a finite number", () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "%s is refused before any request",
    async (id) => {
      const client = new APIClient<{ things: CivisResource }>({
        localApiSpec: swagger({
          "/things/{id}": {
            delete: {
              parameters: [{ name: "id", in: "path", required: true, type: "integer" }],
              ...ok,
            },
          },
        }),
        apiKey: "nan-key",
        baseUrl: server.url,
      });
      const before = server.requests.length;
      await expect(client.things.delete(id)).rejects.toThrow(/"id" must be a finite number/);
      expect(server.requests.length).toBe(before);
    },
  );
});
