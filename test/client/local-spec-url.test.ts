// A localApiSpec given as a string is a URL in a browser (a file path on Node). Its load is
// the browser platform's readLocalSpec: run here in Node, as what the client's platform reads
// the spec with, so APIClient.create() takes the browser's path, against real servers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { CivisNetworkError } from "../../src/errors/civis-network-error.js";
import type { ClientOptions } from "../../src/options/client-options.js";
import { browserPlatform } from "../../src/platform/browser.js";
import { platform } from "../../src/platform/current.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  vi.spyOn(platform, "readLocalSpec").mockImplementation(browserPlatform.readLocalSpec);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});

/** create() with a key, as Node wants one (a browser needs none). */
const create = (options: ClientOptions): Promise<APIClient> =>
  APIClient.create({ apiKey: "local-spec-key", ...options });

describe("localApiSpec as a URL, in a browser", () => {
  it("is fetched from that URL", async () => {
    server.handle((_req, res) => sendJson(res, 200, loadFixture("swagger2-basic")));
    const client = await create({
      localApiSpec: `${server.url}specs/api.json`,
      baseUrl: server.url,
    });
    expect(Object.keys(client)).toContain("workflows");
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /specs/api.json"]);
    expect(server.requests[0]?.headers.accept).toBe("application/json");
  });

  // It had no timeout: a server that never answered kept create() waiting for ever.
  it("gives up after the client's timeout, in the spec download's words", async () => {
    server.handle(() => {
      // Never answers.
    });
    const url = `${server.url}specs/api.json`;
    const error = await create({ localApiSpec: url, timeout: 50 }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect(error).toMatchObject({
      message: `Timed out after 50 ms (GET ${url})`,
      timedOut: true,
      aborted: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("ends when the client's signal aborts", async () => {
    // Never answers; says when the request has come.
    const arrived = new Promise<void>((resolve) => server.handle(() => resolve()));
    const controller = new AbortController();
    const url = `${server.url}specs/api.json`;
    const created = create({ localApiSpec: url, signal: controller.signal });
    await arrived;
    controller.abort(new Error("stop"));
    await expect(created).rejects.toMatchObject({
      name: "CivisNetworkError",
      message: `Aborted (GET ${url})`,
      aborted: true,
    });
  });

  it("names the URL and the status of an error answer", async () => {
    server.handle((_req, res) => sendJson(res, 404, {}));
    const url = `${server.url}missing.json`;
    await expect(create({ localApiSpec: url })).rejects.toThrow(
      `Could not load the spec from ${url}: HTTP 404`,
    );
  });
});
