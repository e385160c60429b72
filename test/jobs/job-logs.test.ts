import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jobLogs } from "../../src/index.js";
import { startServer, type TestServer } from "../helpers/http-server.js";
import { jobsClient } from "./helpers/jobs-client.js";
import { line, logRoute } from "./helpers/log-route.js";
import { routes } from "./helpers/routes.js";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());

const LOGS = "GET /jobs/7/runs/9/logs";

async function collect(iterable: AsyncIterable<unknown>): Promise<string[]> {
  const messages: string[] = [];
  for await (const entry of iterable)
    messages.push(String((entry as { message: unknown }).message));
  return messages;
}

describe("jobLogs", () => {
  it("yields the lines in order, each once, as they appear, and ends when the log is complete", async () => {
    server.handle(
      routes({
        [LOGS]: logRoute([[], [line(1, "start"), line(2, "loading")], [line(3, "done")]]),
      }),
    );
    const entries = [];
    for await (const entry of jobLogs(jobsClient(server), 7, 9, { pollingIntervalMs: 5 })) {
      entries.push(entry);
    }
    expect(entries.map((e) => e.message)).toEqual(["start", "loading", "done"]);
    expect(entries[0]).toMatchObject({ id: 1, level: "info", created_at: "2024-01-01T00:00:01Z" });
    const urls = server.requests.map((r) => r.url);
    expect(urls[0]).toBe("/jobs/7/runs/9/logs?last_id=0&limit=250");
  });

  it("orders each batch by time, then id, as civis-python does", async () => {
    server.handle(
      routes({
        [LOGS]: logRoute([
          [line(5, "second", "2024-01-01T00:00:02Z"), line(6, "first", "2024-01-01T00:00:01Z")],
        ]),
      }),
    );
    expect(await collect(jobLogs(jobsClient(server), 7, 9, { pollingIntervalMs: 5 }))).toEqual([
      "first",
      "second",
    ]);
  });

  it("never repeats a line of an endpoint that answers every line every time", async () => {
    server.handle(
      routes({
        [LOGS]: logRoute([[line(1, "a")], [line(2, "b")], [line(3, "c")]], true),
      }),
    );
    expect(await collect(jobLogs(jobsClient(server), 7, 9, { pollingIntervalMs: 5 }))).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("does not spin on an endpoint whose civis-max-id is never reached; the signal ends it", async () => {
    const controller = new AbortController();
    server.handle(
      routes({
        [LOGS]: () => ({
          body: [line(1, "stuck")],
          headers: { "civis-max-id": "99", "civis-cache-control": "no-store" },
        }),
      }),
    );
    const messages: string[] = [];
    const reading = (async () => {
      for await (const entry of jobLogs(jobsClient(server), 7, 9, {
        pollingIntervalMs: 5,
        signal: controller.signal,
      })) {
        messages.push(String(entry.message));
      }
    })();
    while (server.requests.length < 4) await new Promise((r) => setImmediate(r));
    controller.abort(new Error("enough"));
    await expect(reading).rejects.toThrow("enough");
    expect(messages).toEqual(["stuck"]);
  });

  it("ends finishedTimeoutMs after the run finished, though the log is not marked complete", async () => {
    server.handle(
      routes({
        [LOGS]: () => ({
          body: [line(1, "only")],
          headers: { "civis-max-id": "1", "civis-cache-control": "no-store" },
        }),
        "GET /jobs/7/runs/9": () => ({
          body: { id: 9, state: "succeeded", finishedAt: "2024-01-01T00:00:00Z" },
        }),
      }),
    );
    expect(
      await collect(
        jobLogs(jobsClient(server), 7, 9, { finishedTimeoutMs: 1000, pollingIntervalMs: 5 }),
      ),
    ).toEqual(["only"]);
  });

  it("ends finishedTimeoutMs after the run finished on an endpoint that never reaches its civis-max-id", async () => {
    server.handle(
      routes({
        [LOGS]: () => ({
          body: [line(1, "stuck")],
          headers: { "civis-max-id": "99", "civis-cache-control": "no-store" },
        }),
        "GET /jobs/7/runs/9": () => ({
          body: { id: 9, state: "succeeded", finishedAt: "2024-01-01T00:00:00Z" },
        }),
      }),
    );
    expect(
      await collect(
        jobLogs(jobsClient(server), 7, 9, { finishedTimeoutMs: 1000, pollingIntervalMs: 5 }),
      ),
    ).toEqual(["stuck"]);
  });

  it("reads a garbled civis-max-id as no max: a complete log still ends", async () => {
    server.handle(
      routes({
        [LOGS]: () => ({
          body: [line(1, "only")],
          headers: { "civis-max-id": "n/a", "civis-cache-control": "max-age=600" },
        }),
      }),
    );
    expect(await collect(jobLogs(jobsClient(server), 7, 9, { pollingIntervalMs: 5 }))).toEqual([
      "only",
    ]);
    expect(server.requests).toHaveLength(1);
  });

  it("ends for a finished run that logged nothing (civis-python would wait forever)", async () => {
    server.handle(
      routes({ [LOGS]: () => ({ body: [], headers: { "civis-cache-control": "max-age=600" } }) }),
    );
    expect(await collect(jobLogs(jobsClient(server), 7, 9))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("follows the job's latest run when no run id is given", async () => {
    server.handle(
      routes({
        "GET /jobs/7/runs": () => ({ body: [{ id: 9, state: "running" }] }),
        [LOGS]: logRoute([[line(1, "latest")]]),
      }),
    );
    expect(await collect(jobLogs(jobsClient(server), 7))).toEqual(["latest"]);
    expect(server.requests[0]?.url).toBe("/jobs/7/runs?limit=1&order=id&order_dir=desc");
  });

  it("says so for a job without runs, and rejects an unknown job with the API's 404", async () => {
    server.handle(routes({ "GET /jobs/7/runs": () => ({ body: [] }) }));
    await expect(collect(jobLogs(jobsClient(server), 7))).rejects.toThrow("Job 7 has no runs");
    await expect(collect(jobLogs(jobsClient(server), 8))).rejects.toThrow("(404)");
  });

  it("without the headers (returnType json), ends once the run has finished and nothing is new", async () => {
    let polls = 0;
    server.handle(
      routes({
        [LOGS]: () => ({ body: polls < 1 ? [] : [line(1, "hello")] }),
        "GET /jobs/7/runs/9": () => ({
          body: { id: 9, state: ++polls > 1 ? "succeeded" : "running" },
        }),
      }),
    );
    const client = jobsClient(server, { returnType: "json" });
    expect(await collect(jobLogs(client, 7, 9, { pollingIntervalMs: 5 }))).toEqual(["hello"]);
  });

  it("checks its arguments before anything is sent", async () => {
    await expect(collect(jobLogs(jobsClient(server), -1))).rejects.toThrow(
      "jobLogs: the job id must be a positive integer, got -1",
    );
    await expect(collect(jobLogs(jobsClient(server), 7, 1.5))).rejects.toThrow(
      "the run id must be",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a finishedTimeoutMs that is not a number of ms, 0 or more, before anything is sent", async () => {
    for (const bad of [-1, Number.NaN, "5", null]) {
      const options = { finishedTimeoutMs: bad as number };
      await expect(collect(jobLogs(jobsClient(server), 7, 9, options))).rejects.toThrow(
        new TypeError(
          `jobLogs: finishedTimeoutMs must be a number of ms, 0 or more, got ${String(bad)}`,
        ),
      );
    }
    expect(server.requests).toHaveLength(0);
  });
});
