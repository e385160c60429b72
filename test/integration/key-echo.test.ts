import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clearMemorySpecCache } from "../../src/cache/spec-cache.js";
import { APIClient } from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { loadFixture } from "../helpers/fixtures.js";
import type { FixtureApi } from "./fixture-client.js";

// Issue 11, class 4: a server that repeats the request's Authorization header in its
// answer must not put the key into any error.

const KEY = 'echo-key-Zp4"Lq/9+x';
const BASE64 = Buffer.from(`${KEY}:`).toString("base64");
const SECRETS = [
  KEY,
  BASE64,
  BASE64.replace(/=+$/, ""),
  `Basic ${BASE64}`,
  JSON.stringify(KEY).slice(1, -1),
];

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  clearMemorySpecCache();
});

/** Every way an error is printed or logged. */
function printed(error: unknown): string {
  const e = error as Error & { cause?: unknown };
  return [
    e.message,
    String(e.stack),
    JSON.stringify(e),
    inspect(e, { depth: 5 }),
    inspect(e, { showHidden: true, depth: 2 }),
    (e as { error_message?: string }).error_message,
    String(e.cause && (e.cause as Error).stack),
  ].join("\n");
}

function expectNoKey(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  const text = printed(error);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

const client = () =>
  new APIClient<FixtureApi>({
    localApiSpec: loadFixture("swagger2-basic"),
    apiKey: KEY,
    baseUrl: server.url,
    retries: false,
  });

const echoes: readonly [
  string,
  (auth: string) => { status: number; body: unknown; headers?: Record<string, string> },
][] = [
  [
    "the header in errorDescription",
    (auth) => ({ status: 400, body: { errorDescription: `bad header: ${auth}` } }),
  ],
  ["the Base64 as plain text", (auth) => ({ status: 400, body: `token ${auth.slice(6)} refused` })],
  ["the key itself", () => ({ status: 422, body: { error: `unknown key ${KEY}` } })],
  [
    "the key, JSON-escaped in a text body",
    () => ({ status: 400, body: `{"key": ${JSON.stringify(KEY)}` }),
  ],
  [
    "unpadded Base64",
    (auth) => ({ status: 400, body: { errorDescription: auth.slice(6).replace(/=+$/, "") } }),
  ],
  ["the header on a 401", (auth) => ({ status: 401, body: { errorDescription: auth } })],
  [
    // util.inspect with showHidden printed the error's response, headers included.
    "the header in a response header too",
    (auth) => ({ status: 400, body: { errorDescription: auth }, headers: { "X-Echo": auth } }),
  ],
];

describe("an answer that echoes the API key", () => {
  it.each(echoes)("does not leak %s", async (_, answer) => {
    server.respond((req) => answer(String(req.headers.authorization)));
    const error = await failure(client().workflows.get(1));
    expectNoKey(error);
    expect((error as Error).message).toContain("[redacted]");
  });

  it("does not leak it from the spec download, whatever the status", async () => {
    const create = () =>
      APIClient.create({ apiKey: KEY, baseUrl: server.url, specCache: false, retries: false });
    for (const status of [400, 401, 403, 500]) {
      server.respond((req) => ({
        status,
        body: { errorDescription: String(req.headers.authorization) },
      }));
      expectNoKey(await failure(create()));
    }
    // A 200 that is not JSON: the parse error must not quote it.
    server.respond((req) => ({ body: `${req.headers.authorization} ${KEY}` }));
    expectNoKey(await failure(create()));
    server.respond(() => ({ body: `${KEY} is not a spec` }));
    expectNoKey(await failure(create()));
  });
});
