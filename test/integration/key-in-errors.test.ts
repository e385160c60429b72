import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient, getApiSpec } from "../../src/index.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { API_KEY, fixtureClient } from "./fixture-client.js";

/** Every form of the key a leak could take. */
const secrets = [
  API_KEY,
  Buffer.from(`${API_KEY}:`).toString("base64"),
  Buffer.from(API_KEY).toString("base64"),
];

/** Everything a user might print or log of an error, its causes included. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e.stack),
    JSON.stringify(error),
    inspect(error, { depth: 5 }),
    inspect(error, { depth: 8, showHidden: true }),
    String(error),
  ];
}

let server: TestServer;
let closedUrl: string;
/** Called when a held request arrives. */
let onHeld = () => {};

beforeAll(async () => {
  server = await startServer((req, res) => {
    const status = /^\/status-(\d{3})\//.exec(req.url)?.[1];
    if (status) {
      sendJson(res, Number(status), { errorDescription: `refused with ${status}` });
    } else if (req.url.startsWith("/garbled/")) {
      // Not HTTP: the parser's error keeps these bytes, the echoed header among them.
      res.socket?.end(`HTTP/1.1 ${req.headers.authorization} ${API_KEY}\r\n\r\n`);
    } else if (req.url === "/users/me") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end("<not json>");
    }
    // Anything else is held: only a timeout or an abort ends it.
    else onHeld();
  });
  const closed = await startServer();
  closedUrl = closed.url;
  await closed.close();
});
afterAll(() => server.close());

/** A client whose every call is answered with `status`. */
function answering(status: number) {
  return fixtureClient(server, { baseUrl: `${server.url}status-${status}/` });
}

const scenarios: [string, () => Promise<unknown>][] = [
  ["a 404", () => answering(404).workflows.list({ limit: 5 })],
  ["a 401", () => answering(401).users.list_me()],
  ["a 500", () => answering(500).workflows.patch(1, { name: "x" })],
  ["a 200 that is not JSON", () => fixtureClient(server).users.list_me()],
  [
    "an answer that is not HTTP, echoing the header",
    () => fixtureClient(server, { baseUrl: `${server.url}garbled/` }).workflows.get(1),
  ],
  ["a refused connection", () => fixtureClient(server, { baseUrl: closedUrl }).workflows.get(1)],
  ["a timeout", () => fixtureClient(server).workflows.get(1, {}, { timeout: 20 })],
  [
    "an abort",
    () => {
      const controller = new AbortController();
      const call = fixtureClient(server).workflows.get(1, {}, { signal: controller.signal });
      onHeld = () => controller.abort();
      return call;
    },
  ],
  ["an unknown parameter", () => fixtureClient(server).workflows.list({ nope: 1 })],
  [
    "a header with a newline",
    () => fixtureClient(server).workflows.get(1, {}, { headers: { "X-A": "a\nb" } }),
  ],
  [
    "a spec download refused with 401",
    () =>
      APIClient.create({
        apiKey: API_KEY,
        baseUrl: `${server.url}status-401/`,
        retries: false,
        specCache: false,
      }),
  ],
  [
    "getApiSpec refused with 403",
    () => getApiSpec(API_KEY, { baseUrl: `${server.url}status-403/` }),
  ],
  [
    "an API key with a newline",
    () => APIClient.create({ apiKey: `${API_KEY}\n`, baseUrl: server.url }),
  ],
];

describe("the API key never appears in an error", () => {
  it.each(scenarios)("%s", async (_label, run) => {
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    for (const text of renderings(error)) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
