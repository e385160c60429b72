import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheApiSpec } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

const API_KEY = "cas-key-9Wp2";
const spec = loadFixture("swagger2-basic");

let server: TestServer;
let home: string;
const savedHome = process.env.HOME;

beforeAll(async () => {
  server = await startServer((req, res) =>
    req.url === "/endpoints" ? sendJson(res, 200, spec) : sendJson(res, 404, {}),
  );
  // os.homedir() reads $HOME on POSIX: the default file lands here, not in the real home.
  home = await mkdtemp(join(tmpdir(), "civis-home-"));
  process.env.HOME = home;
});
afterAll(async () => {
  if (savedHome === undefined) delete process.env.HOME;
  else process.env.HOME = savedHome;
  await server.close();
  await rm(home, { recursive: true, force: true });
});

describe("cacheApiSpec(path?, options)", () => {
  it("without a path writes ~/.civis_api_spec.json and resolves to that path", async () => {
    const written = await cacheApiSpec(undefined, { apiKey: API_KEY, baseUrl: server.url });
    expect(written).toBe(join(home, ".civis_api_spec.json"));
    expect(JSON.parse(await readFile(written, "utf8"))).toEqual(spec);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /endpoints"]);
  });

  it("writes no key into the file", async () => {
    const written = await cacheApiSpec(join(home, "spec.json"), {
      apiKey: API_KEY,
      baseUrl: server.url,
    });
    const text = await readFile(written, "utf8");
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(Buffer.from(`${API_KEY}:`).toString("base64"));
  });

  it("refuses a path that is not a string, before any request", async () => {
    const before = server.requests.length;
    const options = { apiKey: API_KEY, baseUrl: server.url };
    // civis-python's cache_api_spec takes keywords; the options object is easy to pass first.
    await expect(cacheApiSpec(options as unknown as string)).rejects.toThrow(
      new TypeError("cacheApiSpec(path?, options): path must be a file path (a string)"),
    );
    expect(server.requests.length).toBe(before);
  });
});
