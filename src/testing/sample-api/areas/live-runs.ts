// The one run lifecycle of the sample API: every run (a job's, a query's, a SQL export's, a CSV
// import's, a preprocess job's, the seeded ones) is a LiveRun that moves queued -> running ->
// succeeded / failed by the API's clock, or is cancelled before it ends, with log lines that
// appear while it runs and outputs once it succeeds. Its state is worked out from the clock
// when asked (`at`), so every area that shows a run shows it as it is.
import { notFound } from "../api-error.js";
import type { HandlerContext, HandlerResult } from "../area.js";
import { find, isoAt } from "../results.js";
import type { SampleData } from "../store.js";
import { takeId } from "../store.js";

/** What a run does: how long it queues and runs, how it ends, what it logs and outputs. */
export interface RunPlan {
  readonly queuedMs: number;
  readonly runningMs: number;
  readonly outcome: "succeeded" | "failed";
  /** The run's `error` when it fails; null for a failure that only its log explains. */
  readonly error?: string | null;
  /** Log lines and when they appear, in ms after the run starts running. */
  readonly logs: readonly (readonly [number, string, string?])[];
  readonly outputs?: readonly RunOutput[];
}

export interface RunOutput {
  readonly objectType: string;
  readonly objectId: number;
  readonly name: string;
  readonly value?: unknown;
}

export interface LogLine {
  readonly id: number;
  readonly atMs: number;
  readonly message: string;
  readonly level: string;
}

/**
 * How long a quick run (a query, a SQL export, a CSV import, a preprocess job) queues and runs:
 * 600 ms in all, short enough for the tests that wait on them.
 */
export const QUICK_RUN = { queuedMs: 100, runningMs: 500 } as const;

/** A run's lifecycle fields at one moment, named as every run definition of the API names them. */
export interface RunMoment {
  readonly state: string;
  readonly isCancelRequested: boolean;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

/** A run whose state, times and log follow the clock. */
export class LiveRun {
  isCancelRequested = false;
  /** What else a cancel takes back (an import's table, say), however the run is cancelled. */
  onCancel: (() => void) | undefined;
  #cancelledAt: number | undefined;
  readonly lines: readonly LogLine[];

  constructor(
    readonly id: number,
    readonly scriptId: number,
    readonly plan: RunPlan,
    readonly now: () => number,
    firstLogId = 1,
    readonly createdMs: number = now(),
  ) {
    this.lines = plan.logs.map(([atMs, message, level = "info"], i) => ({
      id: firstLogId + i,
      atMs,
      message,
      level,
    }));
  }

  get #startMs(): number {
    return this.createdMs + this.plan.queuedMs;
  }
  get #endMs(): number {
    return this.#startMs + this.plan.runningMs;
  }

  /**
   * The run at time `t`, every field read at that one moment: a view built from it never
   * shows, say, `running` with a `finishedAt` when the clock moves between two reads.
   */
  at(t: number = this.now()): RunMoment {
    const start = this.#startMs;
    const end = this.#endMs;
    const cancelled = this.#cancelledAt !== undefined && this.#cancelledAt < end;
    const state = cancelled
      ? "cancelled"
      : t < start
        ? "queued"
        : t < end
          ? "running"
          : this.plan.outcome;
    const stopped = Math.min(end, this.#cancelledAt ?? Number.POSITIVE_INFINITY);
    return {
      state,
      isCancelRequested: this.isCancelRequested,
      createdAt: isoAt(this.createdMs),
      // A run cancelled while queued never started.
      startedAt: t >= start && stopped >= start ? isoAt(start) : null,
      finishedAt: state === "queued" || state === "running" ? null : isoAt(stopped),
      error: state === "failed" ? (this.plan.error ?? null) : null,
    };
  }

  get state(): string {
    return this.at().state;
  }
  get finished(): boolean {
    return this.at().finishedAt !== null;
  }
  get createdAt(): string {
    return isoAt(this.createdMs);
  }
  get startedAt(): string | null {
    return this.at().startedAt;
  }
  get finishedAt(): string | null {
    return this.at().finishedAt;
  }
  get error(): string | null {
    return this.at().error;
  }
  get outputs(): readonly RunOutput[] {
    return this.state === "succeeded" ? (this.plan.outputs ?? []) : [];
  }

  /** The log lines that have appeared by now. */
  visibleLines(): LogLine[] {
    const elapsed =
      Math.min(this.now(), this.#cancelledAt ?? Number.POSITIVE_INFINITY) - this.#startMs;
    return this.lines.filter((line) => line.atMs <= elapsed);
  }

  /** Cancels the run unless it has ended (then false), at one reading of the clock. */
  cancel(): boolean {
    const t = this.now();
    if (this.at(t).finishedAt !== null) return false;
    this.isCancelRequested = true;
    this.#cancelledAt = t;
    this.onCancel?.();
    return true;
  }
}

/**
 * A run as it is now, to shape as a definition: read at one moment, with the id names of
 * JobRun, ScriptRun and CustomRun.
 */
export const runNow = (run: LiveRun): object => ({
  id: run.id,
  scriptId: run.scriptId,
  customId: run.scriptId,
  ...run.at(),
});

/**
 * A run that ended long before any clock the sample API is given (the seed's): read at the
 * end of time, it shows its outcome whatever the clock, and cannot be cancelled.
 */
export const pastRun = (id: number, scriptId: number, createdMs: number, plan: RunPlan): LiveRun =>
  new LiveRun(id, scriptId, plan, () => Number.POSITIVE_INFINITY, 1, createdMs);

/** The plan of a quick run that ends as `error` says: failed with it, or succeeded. */
export const quickPlan = (error: string | null): RunPlan => ({
  ...QUICK_RUN,
  outcome: error ? "failed" : "succeeded",
  error,
  logs: [],
});

/**
 * Starts a quick run of a job that is not a script here (a SQL script, a CSV import), its id
 * taken from `collection`, and lists it in `jobRuns`, so the /jobs endpoints reach it.
 */
export function startQuickRun(
  data: SampleData,
  collection: string,
  jobId: number,
  now: () => number,
  error: string | null,
): LiveRun {
  const run = new LiveRun(takeId(data, collection), jobId, quickPlan(error), now);
  data.jobRuns.set(run.id, run);
  return run;
}

declare module "../store.js" {
  interface SampleData {
    /** Plans of the jobs that can run, by job (script) id. */
    runPlans: Map<number, (args: Record<string, unknown>) => RunPlan>;
    /**
     * Runs of the jobs that are not scripts here (SQL scripts, CSV imports), by run id: the
     * real API's /jobs endpoints follow and cancel every kind of job's runs (a CivisFuture
     * cancels with `jobs.delete_runs`), so the sample's do too.
     */
    jobRuns: Map<number, LiveRun>;
  }
}

/** Starts a run of `scriptId` by its plan, stored with the other runs. */
export function startRun(
  data: SampleData,
  scriptId: number,
  plan: RunPlan,
  now: () => number,
): LiveRun {
  const run = new LiveRun(takeId(data, "runs"), scriptId, plan, now, data.nextId.logs ?? 1);
  data.nextId.logs = (data.nextId.logs ?? 1) + plan.logs.length;
  data.runs.set(run.id, run);
  return run;
}

/** The run `params.run_id` of job `params.id`; a 404 when either is not so. */
export function findRun<T extends { run: LiveRun }>(
  runs: ReadonlyMap<number, T>,
  params: HandlerContext["params"],
): T {
  const found = find(runs, params.run_id);
  if (found.run.scriptId !== params.id) throw notFound();
  return found;
}

/** A "Cancel a run": 202 while the run has not ended; after, a 404, as the real API answers. */
export function cancelRun(run: LiveRun): HandlerResult {
  if (!run.cancel()) throw notFound();
  return { status: 202 };
}
