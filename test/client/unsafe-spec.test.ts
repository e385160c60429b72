import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { APIClient, type CivisResource, help, SpecError } from "../../src/index.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

const ok = { responses: { "200": { description: "ok" } } };
const swagger = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  swagger: "2.0",
  info: { title: "t", version: "1" },
  paths,
  ...extra,
});

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) =>
    req.url === "/endpoints"
      ? sendJson(res, 200, swagger({ "//evil.test/things": { get: ok } }))
      : sendJson(res, 200, { type: "object", properties: { stolen: { type: "string" } } }),
  );
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

describe("a spec path that would leave the API", () => {
  it.each(["//evil.test/things", "https://evil.test/things", "http:/evil.test"])(
    "%j is refused while the client is built, before any call",
    (path) => {
      const build = () =>
        new APIClient({ localApiSpec: swagger({ [path]: { get: ok } }), apiKey: "k" });
      expect(build).toThrow(SpecError);
      expect(build).toThrow(`"${path}"`);
    },
  );

  it("is refused in a downloaded spec too: create() rejects, nothing else is requested", async () => {
    const error = await APIClient.create({
      apiKey: "k",
      baseUrl: server.url,
      retries: false,
      specCache: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect(server.requests.map((r) => r.url)).toEqual(["/endpoints"]);
  });
});

describe("a $ref that is a URL", () => {
  it("is never followed: the method fails with a SpecError, and the URL is never requested", async () => {
    const quiet = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const remote = `${server.url}schema.json`;
    const spec = swagger({
      "/things": {
        post: {
          parameters: [{ name: "body", in: "body", schema: { $ref: remote } }],
          ...ok,
        },
      },
    });
    const client = new APIClient<{ things: CivisResource }>({
      localApiSpec: spec,
      apiKey: "k",
      baseUrl: server.url,
      retries: false,
    });
    expect(() => help(client.things.post)).toThrow(SpecError);
    const call = client.things.post({ stolen: "x" });
    expect(call).toBeInstanceOf(Promise);
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toMatch(/only local \$refs/);
    expect(server.requests).toEqual([]);
    quiet.mockRestore();
  });
});
