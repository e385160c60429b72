import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APIClient, CivisAPIKeyError } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { API_KEY, AUTHORIZATION, fixtureClient } from "./fixture-client.js";

const packageVersion = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

let server: TestServer;
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, { id: 1 }));
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  for (const name of ["CIVIS_JOB_ID", "CIVIS_RUN_ID"]) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

describe("request headers", () => {
  it("sends Basic auth with the key as user name, Accept JSON, and no Content-Type without a body", async () => {
    await fixtureClient(server).workflows.get(1);
    const { headers } = server.requests[0]!;
    expect(headers.authorization).toBe(AUTHORIZATION);
    expect(Buffer.from(AUTHORIZATION.slice(6), "base64").toString()).toBe(`${API_KEY}:`);
    expect(headers.accept).toBe("application/json");
    expect(headers["content-type"]).toBeUndefined();
  });

  it("sends Content-Type: application/json with a body only", async () => {
    const client = fixtureClient(server);
    await client.workflows.patch(1, { name: "x" });
    await client.workflows.post_executions(1);
    const [withBody, withoutBody] = server.requests;
    expect(withBody!.headers["content-type"]).toBe("application/json");
    expect(withBody!.body).toBe('{"name":"x"}');
    expect(withoutBody!.method).toBe("POST");
    expect(withoutBody!.body).toBe("");
    expect(withoutBody!.headers["content-type"]).toBeUndefined();
  });

  it("sends the Node User-Agent: default, and the caller's followed by Node and civis versions", async () => {
    await fixtureClient(server).workflows.get(1);
    await fixtureClient(server, { userAgent: "my-app/2.0" }).workflows.get(1);
    const suffix = ` (Node ${process.version}; civis ${packageVersion})`;
    expect(server.requests.map((r) => r.headers["user-agent"])).toEqual([
      `civis-js${suffix}`,
      `my-app/2.0${suffix}`,
    ]);
  });

  it("sends X-Civis-Job-ID and X-Civis-Run-ID from CIVIS_JOB_ID and CIVIS_RUN_ID", async () => {
    delete process.env.CIVIS_JOB_ID;
    delete process.env.CIVIS_RUN_ID;
    await fixtureClient(server).workflows.get(1);
    process.env.CIVIS_JOB_ID = "123";
    process.env.CIVIS_RUN_ID = "456";
    await fixtureClient(server).workflows.get(1);
    const [without, withIds] = server.requests;
    expect(without!.headers["x-civis-job-id"]).toBeUndefined();
    expect(without!.headers["x-civis-run-id"]).toBeUndefined();
    expect(withIds!.headers["x-civis-job-id"]).toBe("123");
    expect(withIds!.headers["x-civis-run-id"]).toBe("456");
  });

  it("sends init.headers with the call", async () => {
    await fixtureClient(server).workflows.get(1, {}, { headers: { "X-Trace-Id": "abc-1" } });
    expect(server.requests[0]!.headers["x-trace-id"]).toBe("abc-1");
    expect(server.requests[0]!.headers.authorization).toBe(AUTHORIZATION);
  });
});

describe("header values with CR, LF or NUL", () => {
  const bad = "ok\r\nX-Injected: 1";

  it("refuses an init header before any request, without repeating the value", async () => {
    const error = await fixtureClient(server)
      .workflows.get(1, {}, { headers: { "X-Trace-Id": bad } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/CR, LF or NUL/);
    expect((error as Error).message).not.toContain("X-Injected");
    expect(server.requests).toHaveLength(0);
  });

  it("refuses an API key or user agent before downloading the spec", async () => {
    const create = (extra: object) =>
      APIClient.create({ apiKey: API_KEY, baseUrl: server.url, specCache: false, ...extra });
    await expect(create({ apiKey: `${API_KEY}\n` })).rejects.toBeInstanceOf(CivisAPIKeyError);
    await expect(create({ userAgent: bad })).rejects.toThrow(/CR, LF or NUL/);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses CIVIS_JOB_ID with a newline when the client is built", () => {
    process.env.CIVIS_JOB_ID = "1\n2";
    expect(
      () =>
        new APIClient({
          localApiSpec: loadFixture("swagger2-basic"),
          apiKey: API_KEY,
          baseUrl: server.url,
        }),
    ).toThrow(/CIVIS_JOB_ID contains a CR, LF or NUL/);
    expect(server.requests).toHaveLength(0);
  });
});
