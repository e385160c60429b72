// Runs that move through queued -> running -> succeeded / failed by the API's clock, with log
// lines that appear while they run and outputs once they succeed. State is read at the time
// of each request (getters over `now()`), so every area that shows a run shows it as it is.
import { isoAt } from "../results.js";
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

/** A run whose state, times and log follow the clock. */
export class LiveRun {
  isCancelRequested = false;
  #cancelledAt: number | undefined;
  readonly createdMs: number;
  readonly lines: readonly LogLine[];

  constructor(
    readonly id: number,
    readonly scriptId: number,
    readonly plan: RunPlan,
    readonly now: () => number,
    firstLogId: number,
  ) {
    this.createdMs = now();
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

  get state(): string {
    const t = this.now();
    if (this.#cancelledAt !== undefined && this.#cancelledAt < this.#endMs) return "cancelled";
    if (t < this.#startMs) return "queued";
    if (t < this.#endMs) return "running";
    return this.plan.outcome;
  }
  get finished(): boolean {
    return !["queued", "running"].includes(this.state);
  }
  get createdAt(): string {
    return isoAt(this.createdMs);
  }
  get startedAt(): string | null {
    const start = Math.min(this.#startMs, this.#cancelledAt ?? Number.POSITIVE_INFINITY);
    return this.now() >= this.#startMs && start === this.#startMs ? isoAt(start) : null;
  }
  get finishedAt(): string | null {
    if (!this.finished) return null;
    return isoAt(Math.min(this.#endMs, this.#cancelledAt ?? Number.POSITIVE_INFINITY));
  }
  get error(): string | null {
    if (this.state === "cancelled") return null;
    return this.state === "failed" ? (this.plan.error ?? null) : null;
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

  cancel(): boolean {
    if (this.finished) return false;
    this.isCancelRequested = true;
    this.#cancelledAt = this.now();
    return true;
  }
}

declare module "../store.js" {
  interface SampleData {
    /** Plans of the jobs that can run, by job (script) id. */
    runPlans: Map<number, (args: Record<string, unknown>) => RunPlan>;
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
  data.runs.set(
    run.id,
    run as unknown as SampleData["runs"] extends Map<number, infer R> ? R : never,
  );
  return run;
}
