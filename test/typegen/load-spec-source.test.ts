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

describe("a spec URL over plain http:", () => {
  // 0.0.0.0 reaches this machine, but is no loopback address by the client's rule.
  const insecure = () => server.url.replace("127.0.0.1", "0.0.0.0");

  it("never gets the API key: refused before anything is sent", async () => {
    // It was sent there, as typegen({ spec, apiKey }) and the CLI's --spec pass it on.
    server.reset();
    server.respond(() => ({ body: SPEC }));
    await expect(
      loadSpecSource(`${insecure()}spec.json`, { apiKey: "http-key-123", retries: false }),
    ).rejects.toThrow(
      new TypeError(
        `refused to send the API key over plain http: to ${new URL(insecure()).host}; use https:`,
      ),
    );
    expect(server.requests).toHaveLength(0);
  });

  it("is read without a key, and with one on a loopback host", async () => {
    expect(await loadSpecSource(`${insecure()}spec.json`, { retries: false })).toEqual(SPEC);
    expect(
      await loadSpecSource(`${server.url}spec.json`, { apiKey: "k-123", retries: false }),
    ).toEqual(SPEC);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      undefined,
      `Basic ${btoa("k-123:")}`,
    ]);
  });
});
