import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APIClient,
  CivisAPIError,
  CivisAPIKeyError,
  type CivisResource,
  Response,
} from "../../src/index.js";
import { useQuietWarnings } from "../helpers/quiet-warnings.js";
import { type SampleApiServer, startSampleApiServer } from "../helpers/sample-api-server.js";

type SampleApi = Readonly<Record<"workflows" | "scripts" | "users", CivisResource>>;
useQuietWarnings();

let sample: SampleApiServer;
let client: APIClient<SampleApi>;

beforeAll(async () => {
  sample = await startSampleApiServer();
  client = await APIClient.create<SampleApi>({
    apiKey: "demo-key",
    baseUrl: sample.url,
    retries: false,
    specCache: false,
  });
});
afterAll(() => sample.close());

describe("a client of the Civis-like sample API", () => {
  it("reads an object as a Response with snake_case properties and rate-limit headers", async () => {
    const me = await client.users.list_me();
    expect(me).toBeInstanceOf(Response);
    expect(typeof me.feature_flags).toBe("object");
    expect(me.rate_limit).toBe(1000);
    expect(Number.isInteger(me.calls_remaining)).toBe(true);
  });

  it("pages through every workflow, stopping at X-Pagination-Total-Pages", async () => {
    const before = sample.api.stats["GET /workflows"] ?? 0;
    const all = await client.workflows.list({ iterator: true, limit: 50 }).json();
    expect(all).toHaveLength(120);
    expect(all[0]).toHaveProperty("created_at");
    expect((sample.api.stats["GET /workflows"] ?? 0) - before).toBe(3);
  });

  it("sends snake_case body keys under the spec's names, which the API accepts", async () => {
    const updated = await client.workflows.patch(2, {
      time_zone: "America/Chicago",
      schedule: { scheduled: true, scheduled_days: [1, 3] },
    });
    expect(updated.time_zone).toBe("America/Chicago");
    expect(updated.schedule.scheduled_days).toEqual([1, 3]);
  });

  it("rejects an unknown id with the API's description", async () => {
    const error = await client.workflows.get(999_999).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisAPIError);
    expect((error as Error).message).toBe(
      "(404) The requested resource could not be found. (GET /workflows/999999)",
    );
  });

  it("warns about the deprecated operation with the spec's words", async () => {
    const warned = new Promise<Error>((resolve) => {
      const listen = (warning: Error) => {
        if (!warning.message.includes("legacy_runs")) return;
        process.off("warning", listen);
        resolve(warning);
      };
      process.on("warning", listen);
    });
    await client.scripts.list_legacy_runs(201);
    expect((await warned).message).toContain(
      "This endpoint is deprecated; use GET /scripts/{id}/runs instead.",
    );
  });

  it("refuses a wrong key while downloading the spec, saying the key may be expired", async () => {
    const error = await APIClient.create({
      apiKey: "wrong-key",
      baseUrl: sample.url,
      retries: false,
      specCache: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisAPIKeyError);
    expect((error as Error).message).toMatch(/401 .*API key may be expired/);
  });
});
