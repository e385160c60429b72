import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTemplate } from "../../src/index.js";
import { startServer, type TestServer } from "../helpers/http-server.js";
import { jobsClient, paths } from "./helpers/jobs-client.js";
import { type Answer, routes } from "./helpers/routes.js";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());

const output = (objectType: string, name: string, objectId: number, value: unknown = null) => ({
  objectType,
  objectId,
  name,
  link: `/${objectType}/${objectId}`,
  value,
});

function template(outputs: unknown[], states = ["running", "succeeded"]): void {
  let polls = 0;
  server.handle(
    routes({
      "POST /scripts/custom": () => ({ status: 201, body: { id: 70, name: "from template" } }),
      "POST /scripts/custom/70/runs": () => ({ status: 202, body: { id: 71, state: "queued" } }),
      "GET /scripts/custom/70/runs/71": (): Answer => ({
        body: { id: 71, customId: 70, state: states[Math.min(polls++, states.length - 1)] },
      }),
      "GET /scripts/custom/70/runs/71/outputs": () => ({ body: outputs }),
    }),
  );
}

describe("runTemplate", () => {
  it("creates a custom script from the template with the arguments, runs it, and returns its JSON value", async () => {
    template([
      output("File", "log.txt", 4),
      output("JSONValue", "result", 9, { rows: 12, ok: true }),
    ]);
    const value = await runTemplate(
      jobsClient(server),
      3,
      { TABLE: "s.t", LIMIT: 5 },
      { pollingIntervalMs: 5, params: { name: "nightly" } },
    );
    expect(value).toEqual({ rows: 12, ok: true });
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({
      name: "nightly",
      fromTemplateId: 3,
      arguments: { TABLE: "s.t", LIMIT: 5 },
    });
    expect(paths(server)).toEqual([
      "POST /scripts/custom",
      "POST /scripts/custom/70/runs",
      "GET /scripts/custom/70/runs/71",
      "GET /scripts/custom/70/runs/71",
      "GET /scripts/custom/70/runs/71/outputs",
    ]);
  });

  it("returns the File outputs as name -> file id", async () => {
    template([output("File", "a.csv", 4), output("File", "b.csv", 5), output("Table", "t", 6)]);
    const files = await runTemplate(
      jobsClient(server),
      3,
      {},
      { returnAs: "files", pollingIntervalMs: 5 },
    );
    expect(files).toEqual({ "a.csv": 4, "b.csv": 5 });
  });

  it("returns the future at once with returnAs future", async () => {
    template([]);
    const future = runTemplate(
      jobsClient(server),
      3,
      {},
      { returnAs: "future", pollingIntervalMs: 5 },
    );
    expect(future.job_id).toBeUndefined();
    const run = await future;
    expect([future.job_id, future.run_id, run.state]).toEqual([70, 71, "succeeded"]);
  });

  it("says what the run produced when no output is of the kind asked for", async () => {
    template([output("Table", "scores", 6), output("Project", "p", 8)]);
    await expect(runTemplate(jobsClient(server), 3, {}, { pollingIntervalMs: 5 })).rejects.toThrow(
      'Template 3 (script 70 run 71) produced no JSON value output; its outputs: Table "scores", Project "p"',
    );
    template([output("JSONValue", "v", 1, 5)]);
    await expect(
      runTemplate(jobsClient(server), 3, {}, { returnAs: "files", pollingIntervalMs: 5 }),
    ).rejects.toThrow('produced no File output; its outputs: JSONValue "v"');
    template([]);
    await expect(runTemplate(jobsClient(server), 3, {}, { pollingIntervalMs: 5 })).rejects.toThrow(
      "produced no JSON value output; it has no outputs",
    );
  });

  it("keeps a JSON value of null as the value", async () => {
    template([output("JSONValue", "nothing", 1, null)]);
    expect(await runTemplate(jobsClient(server), 3, {}, { pollingIntervalMs: 5 })).toBeNull();
  });

  it("rejects a failed run before reading outputs", async () => {
    template([], ["failed"]);
    server.handle(
      routes({
        "POST /scripts/custom": () => ({ status: 201, body: { id: 70 } }),
        "POST /scripts/custom/70/runs": () => ({ status: 202, body: { id: 71, state: "queued" } }),
        "GET /scripts/custom/70/runs/71": () => ({
          body: { id: 71, state: "failed", error: "bad arg" },
        }),
      }),
    );
    await expect(runTemplate(jobsClient(server), 3, {})).rejects.toThrow(
      "Job 70 run 71 failed: bad arg",
    );
  });

  it("refuses template arguments that are not an object, before anything is sent", () => {
    const client = jobsClient(server);
    for (const bad of [5, ["TABLE"], null]) {
      // @ts-expect-error not an object of arguments
      expect(() => runTemplate(client, 3, bad)).toThrow(
        `runTemplate: args must be an object of the template's arguments, got ${String(bad)}`,
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it("checks its arguments before anything is sent", () => {
    const client = jobsClient(server);
    expect(() => runTemplate(client, 0, {})).toThrow(
      "runTemplate: the template id must be a positive integer, got 0",
    );
    // @ts-expect-error not a returnAs
    expect(() => runTemplate(client, 3, {}, { returnAs: "JSONValue" })).toThrow(
      'runTemplate: returnAs must be "json", "files" or "future", got JSONValue',
    );
    expect(server.requests).toHaveLength(0);
  });
});
