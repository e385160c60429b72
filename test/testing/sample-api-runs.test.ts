// Every run of the sample API (queries, SQL exports, CSV imports, preprocess jobs, jobs) moves
// queued -> running -> succeeded / failed by the API's clock, with startedAt, finishedAt and
// error as the real API shows them; query, SQL export and import runs can be cancelled. The clock
// here moves only when a test moves it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient, CivisJobFailure } from "../../src/index.js";
import { exportToCivisFile, queryCivis } from "../../src/io/index.js";
import { addFile } from "../../src/testing/sample-api/areas/files.js";
import { type SampleApiServer, startSampleApiServer } from "../helpers/sample-api-server.js";

const T0 = Date.parse("2025-03-01T12:00:00.000Z");
let clock = T0;
/** How far the clock moves at each reading (0: it stands still). */
let tick = 0;
let sample: SampleApiServer;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  sample = await startSampleApiServer({ now: () => (clock += tick) });
});
afterAll(() => sample.close());

async function call(method: string, path: string, body?: object) {
  const response = await fetch(new URL(path, sample.url), {
    method,
    headers: {
      Authorization: `Basic ${btoa("demo-key:")}`,
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : null,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function sqlScript(sql: string): Promise<number> {
  const made = await call("POST", "scripts/sql", {
    name: "export",
    sql,
    remoteHostId: 1,
    credentialId: 1,
  });
  expect(made.status).toBe(201);
  return made.body.id;
}

async function csvImport(fileId: number, table: string): Promise<number> {
  const made = await call("POST", "imports/files/csv", {
    source: { fileIds: [fileId] },
    destination: { schema: "sample", table, remoteHostId: 1, credentialId: 1 },
    firstRowIsHeader: true,
  });
  expect(made.status).toBe(201);
  return made.body.id;
}

const csvFile = (text: string) =>
  addFile(sample.api.data, clock, { name: "in.csv", bytes: new TextEncoder().encode(text) }).id;

/** A CSV import of a two-column file into `sample.<table>`, and its run started at `at`. */
async function importRun(table: string, at: number) {
  const id = await csvImport(csvFile("a,b\n1,2\n"), table);
  clock = at;
  const post = await call("POST", `imports/files/csv/${id}/runs`);
  return { id, post, path: `imports/files/csv/${id}/runs/${post.body.id}` };
}

/**
 * Cancels the run at `path` 200 ms after `started` (a 202), then reads it well after the
 * cancel has taken effect: the run's answer.
 */
async function cancelledRun(path: string, started: number) {
  clock = started + 200;
  expect(await call("DELETE", path)).toEqual({ status: 202, body: undefined });
  clock = started + 5000;
  return (await call("GET", path)).body;
}

/** A client of the sample API, its spec downloaded, not cached. */
const sampleClient = (fetchImpl?: typeof fetch) =>
  APIClient.create({
    baseUrl: sample.url,
    apiKey: "demo-key",
    specCache: false,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });

/** Resolves at a future's first poll. */
const firstUpdate = (future: { onUpdate?: unknown }) =>
  new Promise<void>((resolve) => {
    future.onUpdate = () => resolve();
  });

/** What a future rejects with (undefined if it resolves). */
const rejection = (future: PromiseLike<unknown>) =>
  future.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("a SQL export run", () => {
  it("is queued, then running, then succeeded with its output, 600 ms in all", async () => {
    const id = await sqlScript("select city from sample.cities limit 1");
    const started = T0 + 10_000;
    clock = started;
    const post = await call("POST", `scripts/sql/${id}/runs`);
    expect(post.status).toBe(202);
    expect(post.body).toMatchObject({
      sqlId: id,
      state: "queued",
      isCancelRequested: false,
      createdAt: iso(started),
      startedAt: null,
      finishedAt: null,
      error: null,
      output: [],
    });
    const path = `scripts/sql/${id}/runs/${post.body.id}`;
    clock = started + 100;
    expect((await call("GET", path)).body).toMatchObject({
      state: "running",
      startedAt: iso(started + 100),
      finishedAt: null,
      output: [],
    });
    clock = started + 599;
    expect((await call("GET", path)).body.state).toBe("running");
    clock = started + 600;
    const done = (await call("GET", path)).body;
    expect(done).toMatchObject({
      state: "succeeded",
      startedAt: iso(started + 100),
      finishedAt: iso(started + 600),
      error: null,
    });
    expect(done.output).toEqual([
      expect.objectContaining({
        outputName: `sql_script_${id}.csv.gz`,
        fileId: expect.any(Number),
      }),
    ]);
  });

  it("of a SQL error shows the error only once it has failed, with its finishedAt", async () => {
    const id = await sqlScript("select * from nope.missing");
    const started = T0 + 20_000;
    clock = started;
    const post = await call("POST", `scripts/sql/${id}/runs`);
    expect(post.body).toMatchObject({ state: "queued", error: null });
    const path = `scripts/sql/${id}/runs/${post.body.id}`;
    clock = started + 300;
    expect((await call("GET", path)).body).toMatchObject({ state: "running", error: null });
    clock = started + 600;
    expect((await call("GET", path)).body).toMatchObject({
      state: "failed",
      error: 'relation "nope.missing" does not exist',
      finishedAt: iso(started + 600),
      output: [],
    });
  });

  it("can be cancelled while it runs: cancelled, with no output; a second cancel is a 404", async () => {
    const id = await sqlScript("select city from sample.cities");
    const started = T0 + 30_000;
    clock = started;
    const run = (await call("POST", `scripts/sql/${id}/runs`)).body;
    const path = `scripts/sql/${id}/runs/${run.id}`;
    expect(await cancelledRun(path, started)).toMatchObject({
      state: "cancelled",
      isCancelRequested: true,
      startedAt: iso(started + 100),
      finishedAt: iso(started + 200),
      error: null,
      output: [],
    });
    expect((await call("DELETE", path)).status).toBe(404);
  });

  it("that has ended cannot be cancelled; a run of another script is a 404", async () => {
    const id = await sqlScript("select 1 as one");
    const other = await sqlScript("select 2 as two");
    clock = T0 + 40_000;
    const run = (await call("POST", `scripts/sql/${id}/runs`)).body;
    expect((await call("GET", `scripts/sql/${other}/runs/${run.id}`)).status).toBe(404);
    expect((await call("DELETE", `scripts/sql/${other}/runs/${run.id}`)).status).toBe(404);
    clock += 600;
    expect((await call("DELETE", `scripts/sql/${id}/runs/${run.id}`)).status).toBe(404);
    expect((await call("GET", `scripts/sql/${id}/runs/${run.id}`)).body.state).toBe("succeeded");
  });
});

describe("a query", () => {
  it("is queued, then running, then succeeded, its rows shown once it has succeeded", async () => {
    const started = T0 + 50_000;
    clock = started;
    const post = await call("POST", "queries/", {
      database: 1,
      sql: "select city from sample.cities limit 1",
      previewRows: 10,
    });
    expect(post.body).toMatchObject({
      state: "queued",
      createdAt: iso(started),
      startedAt: null,
      finishedAt: null,
      resultRows: null,
    });
    clock = started + 100;
    expect((await call("GET", `queries/${post.body.id}`)).body).toMatchObject({
      state: "running",
      startedAt: iso(started + 100),
      resultRows: null,
    });
    clock = started + 600;
    expect((await call("GET", `queries/${post.body.id}`)).body).toMatchObject({
      state: "succeeded",
      finishedAt: iso(started + 600),
      resultColumns: ["city"],
      resultRows: [["Chicago"]],
    });
  });
});

describe("a query's run", () => {
  it("can be cancelled while it runs (queries.delete_runs); an ended or unknown run is a 404", async () => {
    const started = T0 + 55_000;
    clock = started;
    const query = (await call("POST", "queries/", { database: 1, sql: "select 1", previewRows: 1 }))
      .body;
    expect(query.lastRunId).toEqual(expect.any(Number));
    expect(query.lastRunId).not.toBe(query.id);
    const path = `queries/${query.id}/runs/${query.lastRunId}`;
    expect((await call("GET", path)).body).toMatchObject({
      id: query.lastRunId,
      queryId: query.id,
      state: "queued",
      isCancelRequested: false,
    });
    expect((await call("DELETE", `queries/${query.id}/runs/${query.lastRunId + 1}`)).status).toBe(
      404,
    );
    expect(await cancelledRun(path, started)).toMatchObject({
      state: "cancelled",
      isCancelRequested: true,
      finishedAt: iso(started + 200),
    });
    expect((await call("GET", `queries/${query.id}`)).body).toMatchObject({
      state: "cancelled",
      resultRows: null,
    });
    expect((await call("DELETE", path)).status).toBe(404);
    const ended = (await call("POST", "queries/", { database: 1, sql: "select 1", previewRows: 1 }))
      .body;
    clock += 600;
    expect((await call("DELETE", `queries/${ended.id}/runs/${ended.lastRunId}`)).status).toBe(404);
  });

  it("is what a queryCivis future's cancel() cancels: the future rejects, cancelled", async () => {
    clock = T0 + 120_000;
    const sent: string[] = [];
    const client = await sampleClient((input, init) => {
      sent.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    });
    // The clock stands still: the query stays queued until it is cancelled.
    const future = queryCivis(client, "select 1 as one", 1, { pollingIntervalMs: 60_000 });
    await firstUpdate(future);
    const query = (await call("GET", `queries/${future.job_id}`)).body;
    expect(query.state).toBe("queued");
    expect(await future.cancel()).toBe(true);
    const failure = await rejection(future);
    expect(failure).toBeInstanceOf(CivisJobFailure);
    expect(failure).toMatchObject({ state: "cancelled" });
    const base = new URL(sample.url).pathname;
    expect(sent).toContain(`DELETE ${base}queries/${query.id}/runs/${query.lastRunId}`);
    expect(sent.some((line) => line.includes("/cancel"))).toBe(false);
    expect(await future.cancel()).toBe(false);
  });

  it("is cancelled by a queryCivis future's cancel() called at once, before any poll", async () => {
    clock = T0 + 130_000;
    const client = await sampleClient();
    const future = queryCivis(client, "select 1 as one", 1, { pollingIntervalMs: 60_000 });
    expect(await future.cancel()).toBe(true);
    await expect(future).rejects.toMatchObject({ name: "CivisJobFailure", state: "cancelled" });
  });
});

describe("a CSV import run", () => {
  it("is queued, then running, then succeeded", async () => {
    const started = T0 + 60_000;
    const { id, post, path } = await importRun("imported", started);
    expect(post.status).toBe(202);
    expect(post.body).toEqual({
      id: post.body.id,
      csvImportId: id,
      state: "queued",
      isCancelRequested: false,
      createdAt: iso(started),
      startedAt: null,
      finishedAt: null,
      error: null,
    });
    clock = started + 100;
    expect((await call("GET", path)).body.state).toBe("running");
    clock = started + 600;
    expect((await call("GET", path)).body).toMatchObject({
      state: "succeeded",
      startedAt: iso(started + 100),
      finishedAt: iso(started + 600),
    });
  });

  it("that fails shows its error and finishedAt once it has failed", async () => {
    const started = T0 + 70_000;
    const { post, path } = await importRun("imported", started);
    expect(post.body).toMatchObject({ state: "queued", error: null, finishedAt: null });
    clock = started + 600;
    expect((await call("GET", path)).body).toMatchObject({
      state: "failed",
      error: 'Table sample.imported already exists and existingTableRows is "fail".',
      startedAt: iso(started + 100),
      finishedAt: iso(started + 600),
    });
  });

  it("cancelled while queued never starts, and takes back the table it wrote", async () => {
    const started = T0 + 80_000;
    const { path } = await importRun("never", started);
    expect(sample.api.data.sqlTables.has("sample.never")).toBe(true);
    clock = started + 50;
    expect((await call("DELETE", path)).status).toBe(202);
    expect(sample.api.data.sqlTables.has("sample.never")).toBe(false);
    clock = started + 1000;
    expect((await call("GET", path)).body).toMatchObject({
      state: "cancelled",
      isCancelRequested: true,
      startedAt: null,
      finishedAt: iso(started + 50),
    });
    expect((await call("DELETE", path)).status).toBe(404);
  });
});

describe("a preprocess job's run", () => {
  it("is a quick run like the others: queued, running, then succeeded at 600 ms", async () => {
    const fileId = csvFile("name,score\nAda,1\n");
    const job = (await call("POST", "files/preprocess/csv", { fileId })).body;
    const started = T0 + 90_000;
    clock = started;
    const post = await call("POST", `jobs/${job.id}/runs`);
    expect(post.body).toMatchObject({ state: "queued", startedAt: null });
    const path = `jobs/${job.id}/runs/${post.body.id}`;
    clock = started + 100;
    expect((await call("GET", path)).body.state).toBe("running");
    clock = started + 600;
    expect((await call("GET", path)).body).toMatchObject({
      state: "succeeded",
      finishedAt: iso(started + 600),
    });
  });
});

describe("every answer about a run", () => {
  it("reads the run at one moment, even when the clock moves at each reading", async () => {
    const id = await sqlScript("select 1 as one");
    // Each run's start (POST path), and steps that cross its queued and running times
    // between reads. (The reads are a fixed sequence, so each step lands on the
    // same reads every time; several steps cover several phases.)
    const runs = [
      ...[70, 130, 190].map((step) => ({ path: "jobs/301/runs", step })),
      ...[20, 30].map((step) => ({ path: `scripts/sql/${id}/runs`, step })),
    ];
    try {
      for (const { path: start, step } of runs) {
        tick = step;
        let run = (await call("POST", start)).body;
        const path = `${start}/${run.id}`;
        const seen = new Set<string>();
        for (;;) {
          seen.add(run.state);
          expect(run.startedAt === null).toBe(run.state === "queued");
          expect(run.finishedAt === null).toBe(["queued", "running"].includes(run.state));
          if (!["queued", "running"].includes(run.state)) break;
          run = (await call("GET", path)).body;
        }
        expect([...seen]).toEqual(["queued", "running", "succeeded"]);
      }
    } finally {
      tick = 0;
    }
  });
});

describe("the /jobs endpoints", () => {
  it("follow and cancel SQL export runs too, so a civis/io future's cancel() works", async () => {
    clock = T0 + 100_000;
    const client = await sampleClient();
    // The clock stands still: the run stays queued until it is cancelled.
    const future = exportToCivisFile(client, "select 1 as one", 1, {
      pollingIntervalMs: 1,
      credentialId: 1,
    });
    await firstUpdate(future);
    const path = `jobs/${future.job_id}/runs/${future.run_id}`;
    expect((await call("GET", path)).body).toMatchObject({ id: future.run_id, state: "queued" });
    expect(await future.cancel()).toBe(true);
    const failure = await rejection(future);
    expect(failure).toBeInstanceOf(CivisJobFailure);
    expect(failure).toMatchObject({ state: "cancelled" });
    expect(await future.cancel()).toBe(false);
  });

  it("cancel an import run too, taking back its table", async () => {
    const { id, post, path } = await importRun("undone", T0 + 110_000);
    const run = post.body;
    expect((await call("GET", `jobs/${id}/runs/${run.id}`)).body.state).toBe("queued");
    expect((await call("DELETE", `jobs/${id}/runs/${run.id}`)).status).toBe(202);
    expect(sample.api.data.sqlTables.has("sample.undone")).toBe(false);
    expect((await call("GET", path)).body).toMatchObject({
      state: "cancelled",
      isCancelRequested: true,
    });
    expect((await call("GET", `jobs/${id + 1}/runs/${run.id}`)).status).toBe(404);
  });

  it("answer the seeded runs of long ago as ended: no cancel, an empty log, no outputs", async () => {
    expect((await call("DELETE", "jobs/201/runs/3001")).status).toBe(404);
    expect(await call("GET", "jobs/201/runs/3001/logs")).toEqual({ status: 200, body: [] });
    expect(await call("GET", "jobs/201/runs/3002/outputs")).toEqual({ status: 200, body: [] });
    expect((await call("GET", "scripts/custom/201/runs/3002")).body).toEqual({
      id: 3002,
      customId: 201,
      state: "failed",
      isCancelRequested: false,
      createdAt: "2024-01-13T23:00:00.000Z",
      startedAt: "2024-01-13T23:01:00.000Z",
      finishedAt: "2024-01-13T23:03:00.000Z",
      error: "Geocoder quota exceeded.",
    });
  });
});

describe("the spec", () => {
  it("declares the real API's Cancel a run for SQL and import runs, answered 202", () => {
    for (const path of [
      "/scripts/sql/{id}/runs/{run_id}",
      "/imports/files/csv/{id}/runs/{run_id}",
    ]) {
      const cancel = sample.api.spec.paths[path]?.delete;
      expect(cancel?.summary).toBe("Cancel a run");
      expect(Object.keys(cancel?.responses ?? {})).toEqual(["202"]);
    }
  });
});
