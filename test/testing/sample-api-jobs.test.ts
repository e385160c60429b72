import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient, CivisJobFailure, jobLogs, runJob, runTemplate } from "../../src/index.js";
import { createSampleApi } from "../../src/testing/sample-api/create-sample-api.js";
import { type Listening, listenOnLoopback } from "../helpers/listen.js";

// The sample API's clock runs 100x fast: its runs of a few seconds end in tens of ms.
const start = Date.now();
const api = createSampleApi({
  apiKey: "sample-key",
  now: () => start + (Date.now() - start) * 100,
});
let listening: Listening;
let client: APIClient;

beforeAll(async () => {
  listening = await listenOnLoopback(
    createServer((req, res) => {
      void api.handle(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    }),
  );
  client = new APIClient({
    localApiSpec: api.spec as unknown as object,
    baseUrl: listening.url,
    apiKey: "sample-key",
  });
});
afterAll(() => listening.close());

describe("the sample API's jobs, as the client's job functions see them", () => {
  it("runs a job through queued, running and succeeded, with its log and outputs", async () => {
    const states: string[] = [];
    const future = runJob(client, 301, {
      pollingIntervalMs: 5,
      onUpdate: (run) => states.push(String(run.state)),
    });
    const run = await future;
    expect(run.state).toBe("succeeded");
    // Each state seen in lifecycle order (how many polls see each depends on the machine).
    const order = ["queued", "running", "succeeded"];
    const ranks = states.map((state) => order.indexOf(state));
    expect(ranks).toEqual([...ranks].sort());
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    const outputs = await future.outputs();
    expect(outputs.map((o) => o.name)).toEqual(["match_report.csv", "summary"]);
    const messages: string[] = [];
    for await (const entry of jobLogs(client, 301, future.run_id, { pollingIntervalMs: 5 })) {
      messages.push(String(entry.message));
    }
    expect(messages).toEqual([
      "Container started",
      "Reading voters_2024 (1,204,332 rows)",
      "Matching addresses: 38% done",
      "Matching addresses: 81% done",
      "Writing voters_clean",
      "Done: 1,198,207 rows written",
    ]);
  });

  it("follows the log of a run while it runs, each line once", async () => {
    const future = runJob(client, 301, { pollingIntervalMs: 5 });
    await new Promise<void>((resolve) => {
      future.onUpdate = () => resolve();
    });
    const messages: string[] = [];
    for await (const entry of jobLogs(client, 301, undefined, { pollingIntervalMs: 5 })) {
      messages.push(String(entry.message));
    }
    expect(messages).toHaveLength(6);
    expect(new Set(messages).size).toBe(6);
    await future;
  });

  it("fails with the run's error, or with the end of its log when it has none", async () => {
    await expect(runJob(client, 302, { pollingIntervalMs: 5 })).rejects.toThrow(
      /^Job 302 run \d+ failed: Model training failed: table scores.turnout has 0 rows.$/,
    );
    const failure = await runJob(client, 303, { pollingIntervalMs: 5 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(CivisJobFailure);
    expect((failure as Error).message).toMatch(
      /failed: Exporting contacts\nTraceback \(most recent call last\):\nKeyError: 'email'$/,
    );
  });

  it("cancels a long run", async () => {
    const future = runJob(client, 304, { pollingIntervalMs: 5 });
    await new Promise<void>((resolve) => {
      future.onUpdate = () => resolve();
    });
    expect(await future.cancel()).toBe(true);
    await expect(future).rejects.toMatchObject({ state: "cancelled" });
  });

  it("answers an unknown job with a 404", async () => {
    await expect(runJob(client, 999_999)).rejects.toMatchObject({ status_code: 404 });
  });

  it("runs templates to JSON values and files", async () => {
    expect(
      await runTemplate(client, 42, { TABLE: "public.voters_2024" }, { pollingIntervalMs: 5 }),
    ).toEqual({
      table: "public.voters_2024",
      rows: 1204332,
      columns: 18,
    });
    expect(await runTemplate(client, 43, {}, { returnAs: "files", pollingIntervalMs: 5 })).toEqual({
      "export.csv": 9201,
      "export_manifest.json": 9202,
    });
    await expect(runTemplate(client, 77, {}, { pollingIntervalMs: 5 })).rejects.toThrow(
      "failed: Template 77 does not exist.",
    );
  });

  it("answers the client helpers' lookups", async () => {
    expect(await client.get_database_id("redshift-general")).toBe(32);
    expect(await client.get_table_id("scores.turnout", "redshift-general")).toBe(5003);
    expect(await client.get_table_id('"Has.Dots"."odd table"', 32)).toBe(5005);
    expect(await client.get_storage_host_id("demo-s3")).toBe(81);
    expect(await client.get_aws_credential_id("research-bucket")).toBe(711);
    expect(await client.get_aws_credential_id("research-bucket", "ada.analyst")).toBe(712);
    expect(await client.username).toBe("demo.user");
    expect(await client.default_database_credential_id).toBe(701);
    await expect(client.get_table_id("scores.turnot", 32)).rejects.toThrow(
      'Table "scores.turnot" in database 32 not found; closest names: scores.turnout, scores.support',
    );
  });
});
