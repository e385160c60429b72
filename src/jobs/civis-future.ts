import type { ListResponse, Response } from "../internal.js";
import { CivisAPIError, fieldOf, methodOperations, plainBody } from "../internal.js";
import { CivisJobFailure } from "./civis-job-failure.js";
import { type ApiCall, baseUrlOf, clientOfMethod, methodOf } from "./client-methods.js";
import { failureText } from "./failure-text.js";
import { platformUrl } from "./platform-url.js";
import { checkPollingOptions, nextPollDelay } from "./poll-schedule.js";
import { pollWait } from "./poll-wait.js";
import { runEnded } from "./run-states.js";

type IsAny<T> = 0 extends 1 & T ? true : false;

/**
 * What a getter's promise resolves to: a typed client's run type, or `Response` for a
 * loosely typed client (whose methods return `any`).
 */
export type RunOf<Getter> =
  IsAny<Getter> extends true
    ? Response
    : Getter extends (...args: never[]) => PromiseLike<infer Run>
      ? IsAny<Run> extends true
        ? Response
        : Run
      : Response;

/** Options of a CivisFuture, and of runJob and runTemplate. */
export interface CivisFutureOptions<Run = Response> {
  /**
   * Stops polling: the future rejects with the signal's reason at once (a poll in flight
   * is aborted too). The run itself goes on; `cancel()` stops it.
   */
  readonly signal?: AbortSignal;
  /**
   * A fixed wait between polls, in ms. Default: civis-python's schedule, 1 s growing 1.2x
   * per poll up to 15 s. In a hidden browser tab every wait is at least 15 s.
   */
  readonly pollingIntervalMs?: number;
  /** Called with each answer of the getter (the run as it is now), in order. */
  readonly onUpdate?: (run: Run, future: CivisFuture<Run>) => void;
  /**
   * The client for `cancel()`, `outputs()`, `job_url` and a failure's log lines. Default:
   * the client the getter belongs to (any generated method knows it).
   */
  readonly client?: object;
  /** The job id to report while `args` is still a promise (runJob sets it). */
  readonly jobId?: number;
}

const numberOr = (id: unknown): number | undefined => (typeof id === "number" ? id : undefined);

/**
 * A run being watched (civis-python's `CivisFuture`): polls `getter(...args)` until the
 * run's `state` is `succeeded`/`success` (resolves with that answer) or `failed`/`cancelled`
 * (rejects with a CivisJobFailure). A thenable: `await future` works.
 */
export class CivisFutureBase<Run = Response> implements PromiseLike<Run> {
  /** Called with each answer of the getter; may be set at any time. */
  onUpdate: ((run: Run, future: CivisFuture<Run>) => void) | undefined;
  readonly #promise: Promise<Run>;
  readonly #ready: Promise<readonly unknown[]>;
  readonly #client: object | undefined;
  readonly #getter: ApiCall;
  /** The last answer's body. */
  #body: unknown;
  /** The getter's arguments; until they arrive, the job id of the options. */
  #args: readonly unknown[];
  #state: string | undefined;
  /** Wakes the wait between polls; null once the future has settled. */
  #poke: (() => void) | undefined | null;
  /** A cancel came while a poll was in flight: the next poll must not wait. */
  #hurry = false;

  /**
   * @param getter the run's getter, such as `client.jobs.get_runs` or `client.scripts.get_sql_runs`
   * @param args its path parameters (job id, run id), or a promise of them: the future is
   *   usable at once and polls when they arrive; if the promise rejects, so does the future
   */
  constructor(
    getter: ApiCall,
    args: readonly unknown[] | PromiseLike<readonly unknown[]>,
    options: CivisFutureOptions<Run> = {},
  ) {
    const example = "such as client.jobs.get_runs";
    if (typeof getter !== "function") {
      throw new TypeError(`CivisFuture: the getter must be a function, ${example}`);
    }
    const fixedMs = checkPollingOptions("CivisFuture", options);
    const { signal } = options;
    this.onUpdate = options.onUpdate;
    this.#client = options.client ?? clientOfMethod(getter);
    this.#args = Array.isArray(args) ? args : [options.jobId];
    const ready = Promise.resolve(args).then((given) => {
      if (!Array.isArray(given)) {
        throw new TypeError("CivisFuture: args must be an array of the getter's path parameters");
      }
      this.#args = given;
      return given;
    });
    this.#ready = ready;
    this.#getter = getter;
    // The polling loop, started at once; its end settles the future.
    this.#promise = (async (): Promise<Run> => {
      // The signal must not wait for args that may never come.
      const args = await new Promise<readonly unknown[]>((resolve, reject) => {
        const onAbort = () => reject(signal?.reason);
        signal?.addEventListener("abort", onAbort);
        if (signal?.aborted) onAbort();
        ready.then(resolve, reject).finally(() => signal?.removeEventListener("abort", onAbort));
      });
      let delay: number | undefined;
      for (;;) {
        signal?.throwIfAborted();
        this.#hurry = false;
        const answer = (await (signal ? getter(...args, {}, { signal }) : getter(...args))) as Run;
        const body = await plainBody(answer);
        this.#body = body;
        const state = fieldOf(body, "state");
        if (typeof state !== "string") {
          throw new TypeError(
            `CivisFuture: the answer of ${getter.name || "the getter"}() has no "state"; poll a run's getter, ${example}`,
          );
        }
        this.#state = state;
        this.onUpdate?.(answer, this as CivisFuture<Run>);
        const ended = runEnded(state);
        if (ended) return answer;
        if (ended === false) {
          const { job_id: jobId, run_id: runId } = this;
          const text = await failureText(this.#client, jobId, runId, body, state, signal);
          throw new CivisJobFailure(text, { jobId, runId, state, response: answer });
        }
        delay = nextPollDelay(delay, fixedMs);
        if (!this.#hurry) {
          await pollWait(delay, signal, (poke) => {
            this.#poke = poke;
          });
        }
      }
    })()
      .catch((error: unknown) => {
        // The abort, not whatever the interrupted step made of it.
        throw signal?.aborted ? signal.reason : error;
      })
      .finally(() => {
        this.#poke = null;
      });
    // A future no one awaits must not crash Node with an unhandled rejection.
    this.#promise.catch(() => {});
  }

  /** The job's id (the getter's first argument). */
  get job_id(): number | undefined {
    return numberOr(this.#args[0]);
  }

  /** The run's id (the getter's second argument); undefined until a new run has started. */
  get run_id(): number | undefined {
    return numberOr(this.#args[1]);
  }

  /** The run's state as last polled (`queued`, `running`, `succeeded`...); undefined before. */
  get state(): string | undefined {
    return this.#state;
  }

  /** The job's page on Civis Platform, from the client's API base URL. */
  get job_url(): string | undefined {
    return this.#url(this.job_id);
  }

  /** The run's page on Civis Platform (civis-python's `job_run_url`). */
  get run_url(): string | undefined {
    return this.#url(this.job_id, this.run_id);
  }

  /** A page of the job, or of the run when `ids` has its id too; undefined while one is unknown. */
  #url(...ids: (number | undefined)[]): string | undefined {
    const base = this.#client && baseUrlOf(this.#client);
    return base && !ids.includes(undefined)
      ? platformUrl(base, ...(ids as [number, number?]))
      : undefined;
  }

  // biome-ignore lint/suspicious/noThenProperty: a future is awaited like a promise, by design.
  then<Then = Run, Else = never>(
    onfulfilled?: ((run: Run) => Then | PromiseLike<Then>) | null,
    onrejected?: ((reason: unknown) => Else | PromiseLike<Else>) | null,
  ): Promise<Then | Else> {
    return this.#promise.then(onfulfilled, onrejected);
  }

  /** The finished run, as a promise (civis-python's `result()`). */
  result(): Promise<Run> {
    return this.#promise;
  }

  /** Whether the future has settled: the run ended, polling failed, or the signal aborted. */
  done(): boolean {
    return this.#poke === null;
  }

  /**
   * Asks the API to cancel the run (`jobs.delete_runs`; for a future of `queries.get`,
   * `queries.delete_runs` of the query's last run; `scripts.post_cancel` for another future
   * without a run id), then polls at once: the future then rejects with a CivisJobFailure
   * in state `cancelled`. Resolves false when the run had already ended. After an abort (or a
   * poll that failed) the run may go on: it is still asked to stop.
   */
  async cancel(): Promise<boolean> {
    if (this.#state !== undefined && runEnded(this.#state) !== undefined) return false;
    const client = this.#needClient("cancel");
    const [jobId, runId] = await this.#ready;
    const getter = this.#getter;
    try {
      // A query is not a script: its own route cancels its run, whose id only the query's
      // answer has (read here when no poll has answered yet).
      await (methodOperations.get(getter)?.op.path === "/queries/{id}"
        ? methodOf(
            client,
            "queries",
            "delete_runs",
          )(jobId, fieldOf(this.#body ?? (await plainBody(await getter(jobId))), "lastRunId"))
        : runId === undefined
          ? methodOf(client, "scripts", "post_cancel")(jobId)
          : methodOf(client, "jobs", "delete_runs")(jobId, runId));
    } catch (error) {
      // The API's answer for a run that has already ended.
      if (error instanceof CivisAPIError && error.status_code === 404) return false;
      throw error;
    }
    this.#hurry = true;
    this.#poke?.();
    return true;
  }

  /** Waits for success, then lists the run's outputs (`jobs.list_runs_outputs`). */
  async outputs(): Promise<ListResponse> {
    await this.#promise;
    return (await methodOf(
      this.#needClient("outputs"),
      "jobs",
      "list_runs_outputs",
    )(this.job_id, this.run_id)) as ListResponse;
  }

  #needClient(what: string): object {
    if (this.#client) return this.#client;
    throw new TypeError(
      `CivisFuture.${what}() needs a client: pass { client } when the getter is not a client's method`,
    );
  }

  get [Symbol.toStringTag](): string {
    return "CivisFuture";
  }
}

/** A run being watched; see CivisFutureBase. */
export type CivisFuture<Run = Response> = CivisFutureBase<Run>;

/** The constructor, typed so a future's run type follows its getter's. */
export interface CivisFutureConstructor {
  new <Getter extends ApiCall>(
    getter: Getter,
    args: readonly unknown[] | PromiseLike<readonly unknown[]>,
    options?: CivisFutureOptions<RunOf<Getter>>,
  ): CivisFuture<RunOf<Getter>>;
  readonly prototype: CivisFuture<unknown>;
}

export const CivisFuture = CivisFutureBase as unknown as CivisFutureConstructor;
