import { fieldOf, plainBody } from "../internal.js";
import { type CivisFuture, CivisFutureBase, type CivisFutureOptions } from "./civis-future.js";
import { methodOf } from "./client-methods.js";
import type { AnswerOf } from "./job-types.js";
import { checkPollingOptions, type PollingOptions } from "./poll-schedule.js";

/**
 * Checks the ids given by the caller (`["job id", 5]`), then its `pollingIntervalMs` and
 * `onUpdate`, before anything is sent; returns the interval.
 */
export function checkArgs(
  where: string,
  options: PollingOptions,
  ...ids: [what: string, value: unknown][]
): number | undefined {
  for (const [what, value] of ids) {
    if (!Number.isSafeInteger(value) || (value as number) <= 0) {
      throw new TypeError(`${where}: the ${what} must be a positive integer, got ${String(value)}`);
    }
  }
  return checkPollingOptions(where, options);
}

/** The id of an answer (a new run or script), or an error saying the answer had none. */
export async function idOf(answer: unknown, what: string): Promise<number> {
  const id = fieldOf(await plainBody(answer), "id");
  if (typeof id !== "number") throw new TypeError(`the API's answer for the new ${what} has no id`);
  return id;
}

/**
 * Starts a run of a job (`jobs.post_runs`) and returns, at once, the future that follows it
 * (`jobs.get_runs`), as civis-python's `civis.utils.run_job`. `future.job_id` is known at
 * once, `run_id` once the API has answered. An unknown job rejects the future with the
 * API's 404.
 */
export function runJob<Client extends object>(
  client: Client,
  jobId: number,
  options: CivisFutureOptions<AnswerOf<Client, "jobs", "get_runs">> = {},
): CivisFuture<AnswerOf<Client, "jobs", "get_runs">> {
  checkArgs("runJob", options, ["job id", jobId]);
  const getRuns = methodOf(client, "jobs", "get_runs");
  const postRuns = methodOf(client, "jobs", "post_runs");
  const started = Promise.resolve(postRuns(jobId, {}, { signal: options.signal })).then(
    async (run) => [jobId, await idOf(run, "run")],
  );
  return new CivisFutureBase<AnswerOf<Client, "jobs", "get_runs">>(getRuns, started, {
    ...options,
    client,
    jobId,
  });
}
