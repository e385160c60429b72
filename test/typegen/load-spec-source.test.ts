import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CivisNetworkError } from "../../src/index.js";
import { loadSpecSource } from "../../src/typegen/load-spec-source.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";

// Issue 11, class 1's neighbour: typegen and the CLI's `--spec <url>` read a body too.

const SPEC = { swagger: "2.0", info: { title: "t", version: "1" }, paths: {} };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer(() => ({ body: SPEC }));
});
afterAll(() => server.close());

describe("a spec URL", () => {
  it("that stalls after its headers ends at the timeout", async () => {
    server.respond(() => ({ body: SPEC, stallBody: true }));
    const error = await loadSpecSource(`${server.url}spec.json`, {
      timeout: 100,
      retries: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect((error as CivisNetworkError).timedOut).toBe(true);
  });

  it("cut off half-way is downloaded again", async () => {
    server.reset();
    server.script({ body: SPEC, resetMidBody: true });
    server.respond(() => ({ body: SPEC }));
    const quick = { retries: { backoff: () => 1 } };
    expect(await loadSpecSource(`${server.url}spec.json?v=1`, quick)).toEqual(SPEC);
    expect(server.requests.map((r) => r.url)).toEqual(["/spec.json?v=1", "/spec.json?v=1"]);
  });
});
