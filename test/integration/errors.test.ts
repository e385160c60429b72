import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CivisAPIError, CivisAPIKeyError, CivisNetworkError } from "../../src/index.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { fixtureClient } from "./fixture-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

/** A handler that never answers: only a timeout or an abort can end the call. */
function hold(onArrival: () => void = () => {}) {
  return () => onArrival();
}

describe("non-2xx answers", () => {
  it("reject with CivisAPIError whose message reads (404) Not found (GET /workflows/1)", async () => {
    server.handle((_req, res) => sendJson(res, 404, { errorDescription: "Not found" }));
    const error = await fixtureClient(server)
      .workflows.get(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisAPIError);
    expect(error).toMatchObject({
      name: "CivisAPIError",
      message: "(404) Not found (GET /workflows/1)",
      status_code: 404,
      error_message: "Not found",
      method: "GET",
      url: "/workflows/1",
    });
    expect((error as CivisAPIError).response?.status).toBe(404);
  });

  it("carry the path and query as url, never the host", async () => {
    server.handle((_req, res) => sendJson(res, 500, { errorDescription: "Boom" }));
    const error = await fixtureClient(server)
      .workflows.list({ limit: 5, tags: ["x"] })
      .catch((e: unknown) => e);
    expect((error as CivisAPIError).url).toBe("/workflows?limit=5&tags%5B%5D=x");
    expect((error as Error).message).toBe("(500) Boom (GET /workflows?limit=5&tags%5B%5D=x)");
  });

  it("take error_message from the body's text when it has no errorDescription", async () => {
    server.handle((_req, res) => {
      res.writeHead(422, { "Content-Type": "text/plain" });
      res.end("name is too long");
    });
    const error = await fixtureClient(server)
      .workflows.patch(1, { name: "x" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status_code: 422,
      error_message: "name is too long",
      message: "(422) name is too long (PATCH /workflows/1)",
    });
  });

  it("take error_message from the status text when the body is empty", async () => {
    server.handle((_req, res) => {
      res.writeHead(404).end();
    });
    const error = await fixtureClient(server)
      .workflows.get(1)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      error_message: "Not Found",
      message: "(404) Not Found (GET /workflows/1)",
    });
  });

  it("reject a 401 with CivisAPIKeyError whose cause is the CivisAPIError", async () => {
    server.handle((_req, res) => sendJson(res, 401, { errorDescription: "Invalid token" }));
    const error = await fixtureClient(server)
      .users.list_me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisAPIKeyError);
    const cause = (error as CivisAPIKeyError).cause;
    expect(cause).toBeInstanceOf(CivisAPIError);
    expect(cause).toMatchObject({
      status_code: 401,
      error_message: "Invalid token",
      url: "/users/me",
    });
    expect((error as CivisAPIKeyError).status_code).toBe(401);
  });
});

describe("answers without a usable body", () => {
  it("reject a 200 whose body is not JSON, saying so, with the status", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end("{not json");
    });
    const error = await fixtureClient(server)
      .workflows.get(1)
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/not valid JSON/);
    expect((error as Error).message).toContain("200");
  });
});

describe("requests without an answer", () => {
  it("reject with a readable network error when the connection is refused", async () => {
    const closed = await startServer();
    await closed.close();
    const error = await fixtureClient(closed)
      .workflows.get(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect((error as Error).message).toBe("Connection refused (GET /workflows/1)");
    expect((error as CivisNetworkError).aborted).toBe(false);
  });

  it("reject when init.timeout passes", async () => {
    server.handle(hold());
    const error = await fixtureClient(server)
      .workflows.get(1, {}, { timeout: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect((error as Error).message).toBe("Timed out after 50 ms (GET /workflows/1)");
  });

  it("reject when init.signal aborts, without retrying", async () => {
    const controller = new AbortController();
    server.handle(hold(() => controller.abort()));
    const client = fixtureClient(server, { retries: { maxAttempts: 5, backoff: () => 0 } });
    const error = await client.workflows
      .get(1, {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error).toMatchObject({ aborted: true, attempts: 1 });
    expect((error as Error).message).toMatch(/^Aborted \(GET \/workflows\/1\)$/);
    expect(server.requests).toHaveLength(1);
  });

  it("reject at once, sending nothing, when init.signal is already aborted", async () => {
    const error = await fixtureClient(server)
      .workflows.get(1, {}, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(server.requests).toHaveLength(0);
  });
});
