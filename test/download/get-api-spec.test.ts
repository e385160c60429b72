import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CivisAPIKeyError, getApiSpec } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

const API_KEY = "gas-key-5Rk8";
const AUTHORIZATION = `Basic ${Buffer.from(`${API_KEY}:`).toString("base64")}`;
const spec = loadFixture("openapi3-basic");
const packageVersion = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

let server: TestServer;
const ENV = ["CIVIS_API_KEY", "CIVIS_API_ENDPOINT"] as const;
const saved = new Map<string, string | undefined>();

beforeAll(async () => {
  server = await startServer((req, res) =>
    req.url.endsWith("/endpoints") ? sendJson(res, 200, spec) : sendJson(res, 404, {}),
  );
  for (const name of ENV) saved.set(name, process.env[name]);
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  for (const name of ENV) {
    const value = saved.get(name);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("getApiSpec(apiKey?, { apiVersion, userAgent, baseUrl, fetch })", () => {
  it("without a key reads CIVIS_API_KEY, and CIVIS_API_ENDPOINT without a baseUrl", async () => {
    process.env.CIVIS_API_KEY = API_KEY;
    process.env.CIVIS_API_ENDPOINT = `${server.url}from-env/`;
    await expect(getApiSpec()).resolves.toEqual(spec);
    expect(server.requests.map((r) => r.url)).toEqual(["/from-env/endpoints"]);
    expect(server.requests[0]!.headers.authorization).toBe(AUTHORIZATION);
  });

  it("without any key on Node rejects with a CivisAPIKeyError, sending nothing", async () => {
    delete process.env.CIVIS_API_KEY;
    await expect(getApiSpec(undefined, { baseUrl: server.url })).rejects.toBeInstanceOf(
      CivisAPIKeyError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("sends the userAgent, followed by the Node and civis versions", async () => {
    await getApiSpec(API_KEY, { baseUrl: server.url, userAgent: "my-tool/3" });
    expect(server.requests[0]!.headers["user-agent"]).toBe(
      `my-tool/3 (Node ${process.version}; civis ${packageVersion})`,
    );
    expect(server.requests[0]!.headers.accept).toBe("application/json");
  });

  it("downloads through the given fetch", async () => {
    const seen: string[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    await expect(getApiSpec(API_KEY, { baseUrl: server.url, fetch: recording })).resolves.toEqual(
      spec,
    );
    expect(seen).toEqual([`${server.url}endpoints`]);
  });

  it('accepts apiVersion "1.0" and refuses any other, sending nothing', async () => {
    await expect(getApiSpec(API_KEY, { baseUrl: server.url, apiVersion: "1.0" })).resolves.toEqual(
      spec,
    );
    const other = { baseUrl: server.url, apiVersion: "2.0" } as unknown as { apiVersion: "1.0" };
    const error = await getApiSpec(API_KEY, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/apiVersion/);
    expect(server.requests).toHaveLength(1);
  });
});
