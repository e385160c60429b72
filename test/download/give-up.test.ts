import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SPEC_NO_ANSWER_ATTEMPTS } from "../../src/download/download-spec.js";
import { APIClient, CivisAPIError, CivisNetworkError, type RetryInfo } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { listenOnLoopback } from "../helpers/listen.js";

const spec = loadFixture("openapi3-basic");

/** A loopback URL where nothing listens: connections are refused at once. */
async function closedPortUrl(): Promise<string> {
  const listening = await listenOnLoopback(createServer());
  await listening.close();
  return listening.url;
}

/** Waits of 1 ms, and every retry written down. */
function quickPolicy(retries: RetryInfo[]) {
  return { backoff: () => 1, onRetry: (info: RetryInfo) => retries.push(info) };
}

describe("the spec download gives up sooner when no answer comes", () => {
  it(`stops after ${SPEC_NO_ANSWER_ATTEMPTS} attempts on a refused connection, saying so to onRetry`, async () => {
    const retries: RetryInfo[] = [];
    const error = await APIClient.create({
      apiKey: "key",
      baseUrl: await closedPortUrl(),
      specCache: false,
      retries: quickPolicy(retries),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect((error as CivisNetworkError).attempts).toBe(SPEC_NO_ANSWER_ATTEMPTS);
    expect(retries.map((r) => [r.attempt, r.maxAttempts, r.status])).toEqual([
      [1, SPEC_NO_ANSWER_ATTEMPTS, undefined],
      [2, SPEC_NO_ANSWER_ATTEMPTS, undefined],
    ]);
  });

  describe("while a 503 keeps the policy's full count", () => {
    let server: TestServer;
    let unavailable = 0;
    beforeAll(async () => {
      server = await startServer((_req, res) => {
        if (unavailable-- > 0) sendJson(res, 503, { errorDescription: "busy" });
        else sendJson(res, 200, spec);
      });
    });
    afterAll(() => server.close());

    it("retries past the no-answer limit and loads the spec", async () => {
      unavailable = SPEC_NO_ANSWER_ATTEMPTS + 1;
      const retries: RetryInfo[] = [];
      const client = await APIClient.create({
        apiKey: "key",
        baseUrl: server.url,
        specCache: false,
        retries: quickPolicy(retries),
      });
      expect(client).toBeInstanceOf(APIClient);
      expect(server.requests).toHaveLength(SPEC_NO_ANSWER_ATTEMPTS + 2);
      expect(retries.every((r) => r.maxAttempts === 10 && r.status === 503)).toBe(true);
      expect(retries[0]?.error).toBeInstanceOf(CivisAPIError);
    });
  });
});
