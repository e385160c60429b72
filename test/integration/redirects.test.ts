import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { AUTHORIZATION, fixtureClient } from "./fixture-client.js";

// The contract's "the API key is sent only over https:, or http: to a loopback host" and
// "nothing is sent twice that should not be", against an API that redirects elsewhere.
// fetch follows redirects itself: these hold the client to what it then does.

let api: TestServer;
let elsewhere: TestServer;
beforeAll(async () => {
  elsewhere = await startServer((_req, res) => sendJson(res, 200, { id: 2 }));
  // Another port is another origin, as another host would be.
  api = await startServer((req, res) => {
    // GET /workflows/301 answers 301, and so on.
    res.writeHead(Number(req.url.slice(11)), { Location: `${elsewhere.url}landed` });
    res.end();
  });
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
});
afterEach(() => {
  api.requests.length = 0;
  elsewhere.requests.length = 0;
});

describe("a redirect to another origin", () => {
  it.each([301, 302, 303, 307, 308])("%i does not carry the key there", async (status) => {
    const result = await fixtureClient(api).workflows.get(status);
    expect(result.get("id")).toBe(2);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([AUTHORIZATION]);
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("307 sends a POST's body on once, without the key, and the client sends it no more", async () => {
    api.handle((_req, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}landed` });
      res.end();
    });
    await fixtureClient(api).workflows.post_executions(1, { target_task: "t" });
    expect(api.requests.map((r) => [r.method, r.body])).toEqual([["POST", '{"targetTask":"t"}']]);
    expect(elsewhere.requests.map((r) => [r.method, r.body, r.headers.authorization])).toEqual([
      ["POST", '{"targetTask":"t"}', undefined],
    ]);
  });
});
