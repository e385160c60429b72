import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearMemorySpecCache } from "../../src/cache/spec-cache.js";
import { APIClient, getApiSpec } from "../../src/index.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

// The API key goes only over https:, or http: to this machine, unless the user
// passes allowInsecureHttp: true (a local spec's host can point anywhere).

const SPEC = {
  swagger: "2.0",
  info: { title: "t", version: "1" },
  paths: { "/things": { get: { responses: { "200": { description: "ok" } } } } },
};
const KEY = "insecure-key-3Hv8";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) =>
    sendJson(res, 200, req.url === "/endpoints" ? SPEC : {}),
  );
});
afterAll(() => server.close());

/** A fetch that records what it was asked to send, and sends nothing. */
function recordingFetch() {
  const urls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    urls.push(String(input));
    return new Response("{}", { status: 200 });
  }) as typeof fetch;
  return { urls, fetchImpl };
}

describe("a spec's server that is not a plain http(s) URL", () => {
  it.each([
    ["a ws: scheme", { host: "api.example.test", schemes: ["ws"] }],
    ["credentials in the host", { host: "user:pw@api.example.test", schemes: ["https"] }],
    ["a query in the host", { host: "api.example.test?x=", schemes: ["https"] }],
  ])("with %s is refused while the client is built, sending nothing", (_, server) => {
    const { urls, fetchImpl } = recordingFetch();
    const build = () =>
      new APIClient({ localApiSpec: { ...SPEC, ...server }, apiKey: KEY, fetch: fetchImpl });
    expect(build).toThrow(
      new TypeError(
        "the spec's server must be an absolute http: or https: URL without credentials, query or fragment",
      ),
    );
    expect(urls).toEqual([]);
  });
});

describe("an http: base URL that is not loopback", () => {
  it.each([
    ["baseUrl", { baseUrl: "http://api.example.test/" }],
    [
      "a spec's host and schemes",
      { localApiSpec: { ...SPEC, host: "api.example.test", schemes: ["http"] } },
    ],
    [
      "a spec's servers",
      {
        localApiSpec: {
          ...SPEC,
          swagger: undefined,
          openapi: "3.0.3",
          servers: [{ url: "http://10.1.2.3:8080/v1" }],
        },
      },
    ],
    // fetch reads `HTTP:` as http:; the check once looked for a lower-case "http:" only.
    [
      "a spec's servers, in capitals",
      {
        localApiSpec: {
          ...SPEC,
          swagger: undefined,
          openapi: "3.0.3",
          servers: [{ url: "HTTP://api.example.test/" }],
        },
      },
    ],
    [
      "a spec's schemes, in capitals",
      { localApiSpec: { ...SPEC, host: "api.example.test", schemes: ["HTTP"] } },
    ],
  ])("from %s is refused before anything is sent", async (_, options) => {
    const { urls, fetchImpl } = recordingFetch();
    const build = () =>
      new APIClient({ localApiSpec: SPEC, apiKey: KEY, fetch: fetchImpl, ...options });
    expect(build).toThrow(TypeError);
    expect(build).toThrow(/plain http: .*allowInsecureHttp: true/);
    expect(build).not.toThrow(KEY);
    expect(urls).toEqual([]);
  });

  it("is refused by create() and getApiSpec() before the spec download", async () => {
    clearMemorySpecCache();
    const { urls, fetchImpl } = recordingFetch();
    const options = {
      apiKey: KEY,
      baseUrl: "http://192.168.1.9/",
      fetch: fetchImpl,
      specCache: false as const,
    };
    await expect(APIClient.create(options)).rejects.toThrow(/allowInsecureHttp/);
    await expect(
      getApiSpec(KEY, { baseUrl: "http://192.168.1.9/", fetch: fetchImpl }),
    ).rejects.toThrow(/allowInsecureHttp/);
    expect(urls).toEqual([]);
  });

  it("is used with allowInsecureHttp: true", async () => {
    const { urls, fetchImpl } = recordingFetch();
    const client = new APIClient<{ things: { list(): Promise<unknown> } }>({
      localApiSpec: SPEC,
      apiKey: KEY,
      baseUrl: "http://api.example.test/",
      fetch: fetchImpl,
      allowInsecureHttp: true,
    });
    await client.things.list();
    expect(urls).toEqual(["http://api.example.test/things"]);
  });

  it("refuses allowInsecureHttp that is not a boolean", () => {
    expect(
      () => new APIClient({ localApiSpec: SPEC, apiKey: KEY, allowInsecureHttp: "yes" as never }),
    ).toThrow(/allowInsecureHttp must be true or false/);
  });
});

describe("loopback and https", () => {
  it.each([
    "https://api.example.test/",
    "http://localhost:8080/",
    "http://127.0.0.1/",
    "http://127.9.8.7:1/",
    "http://[::1]:3000/api/",
  ])("%s is allowed", (baseUrl) => {
    expect(() => new APIClient({ localApiSpec: SPEC, apiKey: KEY, baseUrl })).not.toThrow();
  });

  it.each([
    "http://localhost.example.test/",
    "http://127.0.0.1.example.test/",
    "http://128.0.0.1/",
  ])("%s is not loopback", (baseUrl) => {
    expect(() => new APIClient({ localApiSpec: SPEC, apiKey: KEY, baseUrl })).toThrow(
      /allowInsecureHttp/,
    );
  });

  it("a real call to a server on 127.0.0.1 goes through", async () => {
    const client = await APIClient.create<{ things: { list(): Promise<unknown> } }>({
      apiKey: KEY,
      baseUrl: server.url,
      specCache: false,
      retries: false,
    });
    await client.things.list();
    expect(server.requests.map((r) => r.url)).toEqual(["/endpoints", "/things"]);
  });
});
