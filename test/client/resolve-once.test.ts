import { afterEach, describe, expect, it, vi } from "vitest";
import { APIClient, type CivisResource } from "../../src/index.js";
import { platform } from "../../src/platform/current.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer } from "../helpers/http-server.js";

afterEach(() => {
  vi.restoreAllMocks();
});

/** How many times each environment variable was read while `run` ran. */
async function envReads(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const env = vi.spyOn(platform, "env");
  await run();
  const reads: Record<string, number> = {};
  for (const [name] of env.mock.calls) reads[name] = (reads[name] ?? 0) + 1;
  return reads;
}

describe("APIClient.create() resolves the options once", () => {
  it("reads CIVIS_API_KEY and CIVIS_API_ENDPOINT once for a local spec", async () => {
    vi.stubEnv("CIVIS_API_KEY", "env-key");
    vi.stubEnv("CIVIS_API_ENDPOINT", "");
    const reads = await envReads(() =>
      APIClient.create({ localApiSpec: loadFixture("swagger2-basic") }),
    );
    vi.unstubAllEnvs();
    expect(reads.CIVIS_API_KEY).toBe(1);
    expect(reads.CIVIS_API_ENDPOINT).toBe(1);
  });

  it("reads them once for a downloaded spec, and the client uses what it read", async () => {
    const server = await startServer((req, res) =>
      sendJson(res, 200, req.url === "/endpoints" ? loadFixture("swagger2-basic") : { id: 7 }),
    );
    try {
      vi.stubEnv("CIVIS_API_KEY", "env-key");
      vi.stubEnv("CIVIS_API_ENDPOINT", server.url);
      let client: APIClient<{ workflows: CivisResource }> | undefined;
      const reads = await envReads(async () => {
        client = await APIClient.create<{ workflows: CivisResource }>({
          specCache: false,
          retries: false,
        });
      });
      vi.unstubAllEnvs();
      expect(reads.CIVIS_API_KEY).toBe(1);
      expect(reads.CIVIS_API_ENDPOINT).toBe(1);
      // Built from the one resolution, though the environment has changed since.
      await client!.workflows.get(1);
      expect(server.requests.map((r) => r.url)).toEqual(["/endpoints", "/workflows/1"]);
      expect(server.requests[1]?.headers.authorization).toBe(
        `Basic ${Buffer.from("env-key:").toString("base64")}`,
      );
    } finally {
      await server.close();
    }
  });
});
