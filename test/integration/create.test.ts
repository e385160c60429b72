import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  APIClient,
  CivisAPIKeyError,
  cacheApiSpec,
  getApiSpec,
  SpecError,
} from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import {
  type RecordedRequest,
  sendJson,
  startServer,
  type TestServer,
} from "../helpers/http-server.js";
import { API_KEY, AUTHORIZATION, type FixtureApi } from "./fixture-client.js";

const spec = loadFixture("swagger2-basic");

/** Serves the fixture at `/endpoints` and `{}` anywhere else. */
function serveSpec(req: RecordedRequest, res: ServerResponse): void {
  if (req.url.endsWith("/endpoints")) sendJson(res, 200, spec);
  else sendJson(res, 200, { id: 1 });
}

let server: TestServer;
let dir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = await startServer(serveSpec);
  dir = await mkdtemp(join(tmpdir(), "civis-create-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  server.requests.length = 0;
  server.handle(serveSpec);
  for (const name of ["CIVIS_API_KEY", "CIVIS_API_ENDPOINT"]) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

describe("APIClient.create()", () => {
  it("downloads GET {baseUrl}endpoints once, with the auth header, then calls through it", async () => {
    const client = await APIClient.create<FixtureApi>({
      apiKey: API_KEY,
      baseUrl: server.url,
      retries: false,
      specCache: false,
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "GET", url: "/endpoints" });
    expect(server.requests[0]!.headers.authorization).toBe(AUTHORIZATION);

    await client.workflows.get(1);
    expect(server.requests.map((r) => r.url)).toEqual(["/endpoints", "/workflows/1"]);
  });

  it("appends endpoints to a base URL with a path", async () => {
    const client = await APIClient.create<FixtureApi>({
      apiKey: API_KEY,
      baseUrl: `${server.url}api/v1`,
      retries: false,
      specCache: false,
    });
    await client.users.list_me();
    expect(server.requests.map((r) => r.url)).toEqual(["/api/v1/endpoints", "/api/v1/users/me"]);
  });

  it("reads localApiSpec from a file path on Node, without downloading", async () => {
    const file = join(dir, "spec.json");
    await writeFile(file, JSON.stringify(spec));
    const client = await APIClient.create<FixtureApi>({
      localApiSpec: file,
      apiKey: API_KEY,
      baseUrl: server.url,
      retries: false,
    });
    await client.users.list_me();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /users/me"]);
  });

  it("takes the key and base URL from CIVIS_API_KEY and CIVIS_API_ENDPOINT", async () => {
    process.env.CIVIS_API_KEY = API_KEY;
    process.env.CIVIS_API_ENDPOINT = server.url;
    const client = await APIClient.create<FixtureApi>({ retries: false, specCache: false });
    await client.workflows.get(2);
    expect(server.requests.map((r) => r.url)).toEqual(["/endpoints", "/workflows/2"]);
    for (const req of server.requests) expect(req.headers.authorization).toBe(AUTHORIZATION);
  });

  it.each([401, 403])(
    "says the API key may be expired when the spec download gets %i",
    async (status) => {
      server.handle((_req, res) => sendJson(res, status, { errorDescription: "nope" }));
      const error = await APIClient.create<FixtureApi>({
        apiKey: API_KEY,
        baseUrl: server.url,
        retries: false,
        specCache: false,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CivisAPIKeyError);
      expect((error as Error).message).toMatch(/API key may be expired/);
      expect((error as Error).message).toContain(String(status));
    },
  );

  it("refuses a spec that is not JSON, saying so", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html>maintenance</html>");
    });
    const error = await APIClient.create<FixtureApi>({
      apiKey: API_KEY,
      baseUrl: server.url,
      retries: false,
      specCache: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toMatch(/not valid JSON/);
  });

  it("refuses JSON that is not a spec, saying what is missing", async () => {
    server.handle((_req, res) => sendJson(res, 200, { hello: "world" }));
    const error = await APIClient.create<FixtureApi>({
      apiKey: API_KEY,
      baseUrl: server.url,
      retries: false,
      specCache: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toMatch(/swagger.*openapi/);
  });
});

describe("a local spec's server", () => {
  it("is the base URL when neither baseUrl nor CIVIS_API_ENDPOINT is given (Swagger host)", async () => {
    delete process.env.CIVIS_API_ENDPOINT;
    const local = loadFixture("swagger2-basic");
    Object.assign(local, {
      host: new URL(server.url).host,
      schemes: ["http"],
      basePath: "/base",
    });
    const client = new APIClient<FixtureApi>({
      localApiSpec: local,
      apiKey: API_KEY,
      retries: false,
    });
    await client.users.list_me();
    expect(server.requests.map((r) => r.url)).toEqual(["/base/users/me"]);
  });

  it("is the base URL when neither is given (OpenAPI servers[0].url)", async () => {
    delete process.env.CIVIS_API_ENDPOINT;
    const local = loadFixture("openapi3-basic");
    local.servers = [{ url: `${server.url}v3` }];
    const client = new APIClient<FixtureApi>({
      localApiSpec: local,
      apiKey: API_KEY,
      retries: false,
    });
    await client.users.list_me();
    expect(server.requests.map((r) => r.url)).toEqual(["/v3/users/me"]);
  });

  it("gives way to CIVIS_API_ENDPOINT", async () => {
    process.env.CIVIS_API_ENDPOINT = `${server.url}env/`;
    const client = new APIClient<FixtureApi>({
      localApiSpec: loadFixture("swagger2-basic"),
      apiKey: API_KEY,
      retries: false,
    });
    await client.users.list_me();
    expect(server.requests.map((r) => r.url)).toEqual(["/env/users/me"]);
  });
});

describe("getApiSpec() and cacheApiSpec()", () => {
  it("getApiSpec(key, { baseUrl }) resolves to the spec object", async () => {
    await expect(getApiSpec(API_KEY, { baseUrl: server.url })).resolves.toEqual(spec);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe(AUTHORIZATION);
  });

  it("cacheApiSpec(path, { apiKey, baseUrl }) writes the spec to the file", async () => {
    const file = join(dir, "cached.json");
    await expect(cacheApiSpec(file, { apiKey: API_KEY, baseUrl: server.url })).resolves.toBe(file);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(spec);
    expect(server.requests[0]!.headers.authorization).toBe(AUTHORIZATION);
  });
});
