import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CivisAPIError, CivisFuture, CivisJobFailure, runJob } from "../../src/index.js";
import { startServer, type TestServer } from "../helpers/http-server.js";
import { jobsClient, paths } from "./helpers/jobs-client.js";
import { routes, sequence } from "./helpers/routes.js";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());

const run = (state: string, error: string | null = null) => ({ body: { id: 31, state, error } });

describe("runJob", () => {
  it("starts a run, returns the future at once, and resolves with the finished run", async () => {
    server.handle(
      routes({
        "POST /jobs/5/runs": () => ({ status: 201, ...run("queued") }),
        "GET /jobs/5/runs/31": sequence(run("running"), run("succeeded")),
      }),
    );
    const future = runJob(jobsClient(server), 5, { pollingIntervalMs: 5 });
    expect(future.job_id).toBe(5);
    expect(future.run_id).toBeUndefined();
    const finished = await future;
    expect(finished.state).toBe("succeeded");
    expect(future.run_id).toBe(31);
    expect(future.run_url).toBe(`${server.url}spa/#/jobs/5?runId=31`);
    expect(paths(server)).toEqual([
      "POST /jobs/5/runs",
      "GET /jobs/5/runs/31",
      "GET /jobs/5/runs/31",
    ]);
  });

  it("rejects with the API's 404 for an unknown job, polling nothing", async () => {
    server.handle(routes({}));
    const error = await runJob(jobsClient(server), 404).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CivisAPIError);
    expect(String(error)).toBe(
      "CivisAPIError: (404) The requested resource could not be found. (POST /jobs/404/runs)",
    );
    expect(server.requests).toHaveLength(1);
  });

  it("rejects a failed run with the failure text a pipeline can print", async () => {
    server.handle(
      routes({
        "POST /jobs/5/runs": () => ({ status: 201, ...run("queued") }),
        "GET /jobs/5/runs/31": sequence(run("failed", "Query failed: relation does not exist")),
      }),
    );
    await expect(runJob(jobsClient(server), 5)).rejects.toThrow(
      new CivisJobFailure("Query failed: relation does not exist", {
        jobId: 5,
        runId: 31,
        state: "failed",
        response: undefined,
      }).message,
    );
  });

  it("checks the job id and the options before anything is sent", () => {
    const client = jobsClient(server);
    expect(() => runJob(client, Number.NaN)).toThrow(
      "runJob: the job id must be a positive integer, got NaN",
    );
    // @ts-expect-error a string id
    expect(() => runJob(client, "5")).toThrow(/must be a positive integer, got 5/);
    expect(() => runJob(client, 5, { pollingIntervalMs: -1 })).toThrow(/pollingIntervalMs/);
    expect(() => runJob({}, 5)).toThrow("the client's API has no jobs.get_runs()");
    expect(server.requests).toHaveLength(0);
  });

  it("refuses an onUpdate that is not a function before the run is started", () => {
    const client = jobsClient(server);
    // @ts-expect-error not a function
    expect(() => runJob(client, 5, { onUpdate: "log" })).toThrow(
      "runJob: onUpdate must be a function, got log",
    );
    // @ts-expect-error not a function
    expect(() => new CivisFuture(client.jobs.get_runs, [5, 6], { onUpdate: 1 })).toThrow(
      "CivisFuture: onUpdate must be a function, got 1",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("stops at the signal even while the run is being started", async () => {
    server.handle(routes({ "POST /jobs/5/runs": () => new Promise(() => {}) }));
    const controller = new AbortController();
    const future = runJob(jobsClient(server), 5, { signal: controller.signal });
    controller.abort(new Error("no more"));
    await expect(future).rejects.toThrow("no more");
  });
});
