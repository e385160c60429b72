import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { type FixtureApi, fixtureClient } from "../integration/fixture-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => sendJson(res, 200, req.method === "GET" ? [] : {}));
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

type Call = (client: FixtureApi) => Promise<unknown>;

// CONTRACT.md, "Resources and methods": every row of its endpoint table, as a call.
const TABLE: [string, Call, string][] = [
  ["GET /workflows", (c) => c.workflows.list(), "GET /workflows"],
  ["GET /workflows/1", (c) => c.workflows.get(1), "GET /workflows/1"],
  [
    "GET /workflows/1/executions",
    (c) => c.workflows.list_executions(1),
    "GET /workflows/1/executions",
  ],
  ["PATCH /workflows/1", (c) => c.workflows.patch(1, { name: "x" }), "PATCH /workflows/1"],
  [
    "POST /workflows/1/executions",
    (c) => c.workflows.post_executions(1),
    "POST /workflows/1/executions",
  ],
  [
    "GET /workflows/1/executions/2",
    (c) => c.workflows.get_executions(1, 2),
    "GET /workflows/1/executions/2",
  ],
  ["GET /users/me", (c) => c.users.list_me(), "GET /users/me"],
];

describe("the contract's endpoint table, end to end", () => {
  it.each(TABLE)("%s is the call that sends it", async (_endpoint, call, sent) => {
    await call(fixtureClient(server));
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([sent]);
  });

  it("PATCH /workflows/1 sends its params as the JSON body", async () => {
    await fixtureClient(server).workflows.patch(1, { name: "x" });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "x" });
  });
});
