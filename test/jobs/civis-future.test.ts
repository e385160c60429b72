import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CivisAPIError, CivisFuture, CivisJobFailure, Response } from "../../src/index.js";
import { startServer, type TestServer } from "../helpers/http-server.js";
import { jobsClient, paths } from "./helpers/jobs-client.js";
import { routes, sequence } from "./helpers/routes.js";

const RUN = "GET /jobs/7/runs/9";
const run = (state: string, extra: Record<string, unknown> = {}) => ({
  body: { id: 9, state, createdAt: "2024-01-01T00:00:00Z", error: null, ...extra },
});

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("CivisFuture", () => {
  it("polls at once, then until the run succeeds, and resolves with that answer", async () => {
    server.handle(routes({ [RUN]: sequence(run("queued"), run("running"), run("succeeded")) }));
    const client = jobsClient(server);
    const seen: string[] = [];
    const future = new CivisFuture(client.jobs.get_runs, [7, 9], {
      pollingIntervalMs: 5,
      onUpdate: (answer) => seen.push(String(answer.state)),
    });
    expect(future.done()).toBe(false);
    expect([future.job_id, future.run_id, future.state]).toEqual([7, 9, undefined]);
    const result = await future;
    expect(result).toBeInstanceOf(Response);
    expect(result.state).toBe("succeeded");
    expect(seen).toEqual(["queued", "running", "succeeded"]);
    expect(future.state).toBe("succeeded");
    expect(future.done()).toBe(true);
    expect(await future.result()).toBe(result);
    expect(paths(server)).toEqual([`${RUN}`, `${RUN}`, `${RUN}`]);
  });

  it("accepts civis-python's other spelling of success", async () => {
    server.handle(routes({ [RUN]: sequence(run("success")) }));
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9]);
    expect((await future).state).toBe("success");
  });

  it("rejects a failed run with CivisJobFailure carrying the run's error", async () => {
    server.handle(
      routes({ [RUN]: sequence(run("running"), run("failed", { error: "Out of memory" })) }),
    );
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], {
      pollingIntervalMs: 5,
    });
    const failure = await future.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CivisJobFailure);
    expect(failure).toMatchObject({
      name: "CivisJobFailure",
      message: "Job 7 run 9 failed: Out of memory",
      job_id: 7,
      run_id: 9,
      state: "failed",
      error_message: "Out of memory",
    });
    // The run's own error is enough: the log is not read.
    expect(paths(server).some((p) => p.includes("/logs"))).toBe(false);
  });

  it("uses the last lines of the log, oldest first, when the run has no error", async () => {
    server.handle(
      routes({
        [RUN]: sequence(run("failed")),
        "GET /jobs/7/runs/9/logs": () => ({
          body: [
            { id: 3, message: "Traceback: ValueError", createdAt: "", level: "error" },
            { id: 2, message: "loading", createdAt: "", level: "info" },
          ],
        }),
      }),
    );
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9]);
    await expect(future).rejects.toThrow("Job 7 run 9 failed: loading\nTraceback: ValueError");
    expect(paths(server)).toContain("GET /jobs/7/runs/9/logs?limit=15");
  });

  it("says the run ended with no message when neither error nor log is there", async () => {
    server.handle(
      routes({ [RUN]: sequence(run("failed")), "GET /jobs/7/runs/9/logs": () => ({ body: [] }) }),
    );
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9]);
    await expect(future).rejects.toThrow(
      'Job 7 run 9 failed: the run ended "failed" with no error message and no log',
    );
  });

  it("rejects a cancelled run with a CivisJobFailure in state cancelled", async () => {
    server.handle(
      routes({
        [RUN]: sequence(run("cancelled")),
        "GET /jobs/7/runs/9/logs": () => ({ body: [] }),
      }),
    );
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9]);
    await expect(future).rejects.toMatchObject({
      state: "cancelled",
      message: "Job 7 run 9 failed: the run was cancelled",
    });
  });

  it("stops polling a run that never ends when the signal aborts, rejecting with the abort", async () => {
    server.handle(routes({ [RUN]: sequence(run("running")) }));
    const controller = new AbortController();
    const before = timers();
    let polls = 0;
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], {
      pollingIntervalMs: 5,
      signal: controller.signal,
      onUpdate: () => {
        if (++polls === 3) controller.abort(new Error("stop watching"));
      },
    });
    await expect(future).rejects.toThrow("stop watching");
    expect(future.done()).toBe(true);
    expect(server.requests).toHaveLength(3);
    // No timer is left to keep Node running (the count may drop: the sockets' own timers go).
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("result() and done() follow the future: false while polling, the same failure once it ends", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.handle(async (req, res) => {
      await held;
      return routes({ [RUN]: sequence(run("failed", { error: "Disk full" })) })(req, res);
    });
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9]);
    // The first poll is waiting on the server: the future has not settled.
    expect(future.done()).toBe(false);
    const viaResult = future.result();
    expect(viaResult).toBeInstanceOf(Promise);
    release();
    const failure = await viaResult.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CivisJobFailure);
    expect((failure as Error).message).toBe("Job 7 run 9 failed: Disk full");
    expect(future.done()).toBe(true);
    // Every way of awaiting gives the same failure, and nothing is polled again.
    await expect(future.result()).rejects.toBe(failure);
    await expect(future).rejects.toBe(failure);
    expect(server.requests).toHaveLength(1);
  });

  it("leaves no timer behind once it settles", async () => {
    server.handle(routes({ [RUN]: sequence(run("running"), run("succeeded")) }));
    const before = timers();
    await new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], { pollingIntervalMs: 5 });
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("rejects at once with an already aborted signal, sending nothing", async () => {
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], {
      signal: AbortSignal.abort(new Error("too late")),
    });
    await expect(future).rejects.toThrow("too late");
    expect(server.requests).toHaveLength(0);
  });

  it("rejects with the abort while its args are still a promise that never settles", async () => {
    const controller = new AbortController();
    const future = new CivisFuture(
      jobsClient(server).jobs.get_runs,
      new Promise<number[]>(() => {}),
      {
        signal: controller.signal,
      },
    );
    controller.abort(new Error("stop waiting"));
    await expect(future).rejects.toThrow("stop waiting");
    expect(future.done()).toBe(true);
    expect(server.requests).toEqual([]);
  });

  it("retries a failed poll by the client's rules", async () => {
    server.handle(
      routes({
        [RUN]: sequence(
          run("running"),
          { status: 503, body: { errorDescription: "busy" } },
          run("succeeded"),
        ),
      }),
    );
    const client = jobsClient(server, { retries: { backoff: () => 1 } });
    const future = new CivisFuture(client.jobs.get_runs, [7, 9], { pollingIntervalMs: 5 });
    expect((await future).state).toBe("succeeded");
    expect(server.requests).toHaveLength(3);
  });

  it("rejects with the API error when a poll fails for good", async () => {
    server.handle(routes({}));
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9]);
    const error = await future.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CivisAPIError);
    expect(String(error)).toContain("(404)");
  });

  it("calls the first poll at once, then waits 1 s growing 1.2x (fake timers not needed: see poll-schedule)", async () => {
    server.handle(routes({ [RUN]: sequence(run("succeeded")) }));
    const started = Date.now();
    await new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9]);
    // One poll, sent at once: a finished run costs no wait at all.
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses an answer with no state instead of polling forever", async () => {
    server.handle(routes({ "GET /jobs/7": () => ({ body: { id: 7, name: "x" } }) }));
    const future = new CivisFuture(jobsClient(server).jobs.get, [7]);
    await expect(future).rejects.toThrow(/has no "state"/);
  });

  it("checks its options before anything is sent", () => {
    const client = jobsClient(server);
    expect(() => new CivisFuture(client.jobs.get_runs, [7, 9], { pollingIntervalMs: 0 })).toThrow(
      /pollingIntervalMs must be a number of ms/,
    );
    // @ts-expect-error not a function
    expect(() => new CivisFuture("jobs.get_runs", [7, 9])).toThrow(/getter must be a function/);
    expect(server.requests).toHaveLength(0);
  });

  /** Job 7's run 9: running until `DELETE` cancels it, as the API answers (202). */
  const cancellableRun = () => {
    let cancelled = false;
    return {
      [RUN]: () => run(cancelled ? "cancelled" : "running"),
      "DELETE /jobs/7/runs/9": () => {
        cancelled = true;
        return { status: 202 };
      },
    };
  };

  it("cancels the run through jobs.delete_runs and polls at once", async () => {
    server.handle(routes({ ...cancellableRun(), "GET /jobs/7/runs/9/logs": () => ({ body: [] }) }));
    // A long interval: only the cancel's own poll can end the wait in time.
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], {
      pollingIntervalMs: 60_000,
    });
    await new Promise<void>((resolve) => {
      future.onUpdate = () => resolve();
    });
    expect(await future.cancel()).toBe(true);
    await expect(future).rejects.toMatchObject({ state: "cancelled" });
    expect(paths(server).slice(0, 3)).toEqual([RUN, "DELETE /jobs/7/runs/9", RUN]);
    expect(await future.cancel()).toBe(false);
  });

  it("polls at once after a cancel that came while a poll was in flight", async () => {
    let cancelled = false;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.handle(
      routes({
        // The first poll is read before the cancel and answered after it: still running.
        [RUN]: async () => {
          const state = cancelled ? "cancelled" : "running";
          await held;
          return run(state);
        },
        "DELETE /jobs/7/runs/9": () => {
          cancelled = true;
          return { status: 202 };
        },
        "GET /jobs/7/runs/9/logs": () => ({ body: [] }),
      }),
    );
    // A long interval: only the cancel can end the wait in time.
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], {
      pollingIntervalMs: 60_000,
    });
    while (server.requests.length === 0) await new Promise((r) => setImmediate(r));
    expect(await future.cancel()).toBe(true);
    release();
    await expect(future).rejects.toMatchObject({ state: "cancelled" });
    expect(paths(server).slice(0, 3)).toEqual([RUN, "DELETE /jobs/7/runs/9", RUN]);
  });

  it("still cancels the run after the signal stopped the polling: the run went on", async () => {
    server.handle(routes(cancellableRun()));
    const controller = new AbortController();
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], {
      pollingIntervalMs: 60_000,
      signal: controller.signal,
    });
    await new Promise<void>((resolve) => {
      future.onUpdate = () => resolve();
    });
    controller.abort();
    await expect(future).rejects.toMatchObject({ name: "AbortError" });
    expect(future.done()).toBe(true);
    expect(await future.cancel()).toBe(true);
    expect(paths(server)).toEqual([RUN, "DELETE /jobs/7/runs/9"]);
  });

  it("says a cancel came too late when the API no longer has the run running", async () => {
    server.handle(routes({ [RUN]: sequence(run("running")) }));
    const controller = new AbortController();
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], {
      pollingIntervalMs: 60_000,
      signal: controller.signal,
    });
    expect(await future.cancel()).toBe(false);
    controller.abort();
    await expect(future).rejects.toBeDefined();
  });

  it("cancels a job without a run id through scripts.post_cancel", async () => {
    let cancelled = false;
    server.handle(
      routes({
        "GET /jobs/7": () => ({ body: { id: 7, state: cancelled ? "cancelled" : "running" } }),
        "POST /scripts/7/cancel": () => {
          cancelled = true;
          return { status: 202, body: { id: 7, state: "cancelled", isCancelRequested: true } };
        },
      }),
    );
    const future = new CivisFuture(jobsClient(server).jobs.get, [7], { pollingIntervalMs: 60_000 });
    expect(await future.cancel()).toBe(true);
    await expect(future).rejects.toThrow("Job 7 failed: the run was cancelled");
  });

  it("lists the outputs of a finished run", async () => {
    server.handle(
      routes({
        [RUN]: sequence(run("succeeded")),
        "GET /jobs/7/runs/9/outputs": () => ({
          body: [{ objectType: "File", objectId: 3, name: "out.csv", link: "", value: null }],
        }),
      }),
    );
    const outputs = await new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9]).outputs();
    expect(outputs.map((o) => [o.object_type, o.object_id, o.name])).toEqual([
      ["File", 3, "out.csv"],
    ]);
  });

  it("links to the job's and the run's pages from the API's base URL", () => {
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], {
      signal: AbortSignal.abort(),
    });
    expect(future.job_url).toBe(`${server.url}spa/#/jobs/7`);
    expect(future.run_url).toBe(`${server.url}spa/#/jobs/7?runId=9`);
  });

  it("needs a client for cancel() when the getter is the user's own function", async () => {
    const future = new CivisFuture(async () => ({ state: "running" }), [7, 9], {
      signal: AbortSignal.abort(),
    });
    expect(future.job_url).toBeUndefined();
    await expect(future).rejects.toBeDefined();
    // Aborted, the run may go on: cancelling it needs the client too.
    await expect(future.cancel()).rejects.toThrow(/needs a client: pass \{ client \}/);
    // A run seen ending needs nothing to say so.
    const ended = new CivisFuture(async () => ({ state: "succeeded" }), [7, 9]);
    await ended;
    await expect(ended.cancel()).resolves.toBe(false);
    const live = new CivisFuture(async () => ({ state: "running" }), [7, 9], {
      pollingIntervalMs: 60_000,
    });
    await expect(live.cancel()).rejects.toThrow(/needs a client: pass \{ client \}/);
  });

  it("works with returnType json: the plain body is polled and resolved", async () => {
    server.handle(routes({ [RUN]: sequence(run("succeeded")) }));
    const client = jobsClient(server, { returnType: "json" });
    const result = await new CivisFuture(client.jobs.get_runs, [7, 9]);
    expect(result).toMatchObject({ id: 9, state: "succeeded", createdAt: "2024-01-01T00:00:00Z" });
  });

  it("works with returnType raw: the fetch Response is resolved, its body unread", async () => {
    server.handle(routes({ [RUN]: sequence(run("running"), run("succeeded")) }));
    const client = jobsClient(server, { returnType: "raw" });
    const result = (await new CivisFuture(client.jobs.get_runs, [7, 9], {
      pollingIntervalMs: 5,
    })) as unknown as globalThis.Response;
    expect(result.bodyUsed).toBe(false);
    expect(await result.json()).toMatchObject({ state: "succeeded" });
  });

  it("rejects with the error an onUpdate callback throws, and stops polling", async () => {
    server.handle(routes({ [RUN]: sequence(run("running")) }));
    const future = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9], {
      pollingIntervalMs: 5,
      onUpdate: () => {
        throw new Error("bug in my callback");
      },
    });
    await expect(future).rejects.toThrow("bug in my callback");
    expect(server.requests).toHaveLength(1);
  });

  it("is a thenable that is not the client, and never leaves a rejection unhandled", async () => {
    server.handle(routes({}));
    // Nobody awaits this one; an unhandled rejection would fail the test run.
    const ignored = new CivisFuture(jobsClient(server).jobs.get_runs, [7, 9]);
    expect(Object.prototype.toString.call(ignored)).toBe("[object CivisFuture]");
    await ignored.then(
      () => undefined,
      () => undefined,
    );
  });
});
