import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APIClient, type CivisResource } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

let server: TestServer;
let dir: string;
let savedEndpoint: string | undefined;

beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, { id: 1 }));
  dir = await mkdtemp(join(tmpdir(), "civis-create-local-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  savedEndpoint = process.env.CIVIS_API_ENDPOINT;
  delete process.env.CIVIS_API_ENDPOINT;
});
afterEach(() => {
  server.requests.length = 0;
  if (savedEndpoint === undefined) delete process.env.CIVIS_API_ENDPOINT;
  else process.env.CIVIS_API_ENDPOINT = savedEndpoint;
});

describe("APIClient.create() with a spec object", () => {
  it("resolves to a client without any request, the same as new APIClient()", async () => {
    const options = {
      localApiSpec: loadFixture("swagger2-basic"),
      apiKey: "k",
      baseUrl: server.url,
    };
    const client = await APIClient.create<{ workflows: CivisResource }>(options);
    expect(server.requests).toHaveLength(0);
    expect(Object.keys(client)).toEqual(Object.keys(new APIClient(options)));
    await client.workflows.get(2);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /workflows/2"]);
  });
});

describe("a local spec read from a file path (Node)", () => {
  it("that names its server (OpenAPI servers[0].url) sends the calls there", async () => {
    const spec = loadFixture("openapi3-basic");
    spec.servers = [{ url: `${server.url}from-file/v1` }];
    const file = join(dir, "openapi3.json");
    await writeFile(file, JSON.stringify(spec));
    const client = await APIClient.create<{ users: CivisResource }>({
      localApiSpec: file,
      apiKey: "k",
      retries: false,
    });
    await client.users.list_me();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /from-file/v1/users/me",
    ]);
  });

  it("that names its server by schemes + host + basePath (Swagger 2.0) sends the calls there", async () => {
    const spec = loadFixture("swagger2-basic");
    Object.assign(spec, { schemes: ["http"], host: new URL(server.url).host, basePath: "/s2" });
    const file = join(dir, "swagger2.json");
    await writeFile(file, JSON.stringify(spec));
    const client = await APIClient.create<{ workflows: CivisResource }>({
      local_api_spec: file,
      apiKey: "k",
      retries: false,
    });
    await client.workflows.get(3);
    expect(server.requests.map((r) => r.url)).toEqual(["/s2/workflows/3"]);
  });
});
