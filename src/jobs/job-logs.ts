import { fieldOf, plainBody } from "../internal.js";
import { methodOf } from "./client-methods.js";
import type { ItemOf } from "./job-types.js";
import { pollWait } from "./poll-wait.js";
import { checkArgs } from "./run-job.js";
import { runEnded } from "./run-states.js";

/** Options of jobLogs. */
export interface JobLogsOptions {
  /**
   * End once the run has been finished this long, even if the API has not yet said its
   * log is complete (which can take minutes). civis-python's `finished_timeout`.
   */
  readonly finishedTimeoutMs?: number;
  /** Ends the iteration: the pending `next()` rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** The wait between log requests when there is nothing new. Default 5000 (civis-python's). */
  readonly pollingIntervalMs?: number;
}

// civis-python's constants (civis/utils/_jobs.py).
const PER_REQUEST = 250;
const REFETCH_CUTOFF_MS = 300_000;
const REFETCH_COUNT = 100;

/** A log entry: its id, its `createdAt`, and the item to yield. */
type Entry = readonly [id: number, createdAt: string, item: unknown];

/**
 * Where the next request starts. Log ids do not follow time exactly (the platform and the
 * job both write), so after catching up it steps back over the last 100 entries, or to the
 * start, unless the newest is over 5 minutes old: a late line with a lower id is then still
 * seen, and the known ids keep it from repeating (civis-python's
 * `_compute_effective_max_log_id`).
 */
function restartId(entries: readonly Entry[]): number {
  const last = entries.at(-1);
  if (!last) return 0;
  if (Date.parse(last[1]) < Date.now() - REFETCH_CUTOFF_MS) return last[0];
  return entries.at(-REFETCH_COUNT)?.[0] ?? 0;
}

/**
 * A run's log entries, in order, each once, as they appear (civis-python's
 * `civis.utils.job_logs`); with no run id, the job's latest run. Ends when the API says the
 * run has finished and its log is complete (`civis-cache-control` other than `no-store`), or
 * `finishedTimeoutMs` after the run finished. Without those headers (a client with
 * `returnType: "json"`), it ends once the run has finished and a request brings nothing new.
 */
export async function* jobLogs<Client extends object>(
  client: Client,
  jobId: number,
  runId?: number,
  options: JobLogsOptions = {},
): AsyncGenerator<ItemOf<Client, "jobs", "list_runs_logs">, void, undefined> {
  const { signal, finishedTimeoutMs } = options;
  try {
    const waitMs =
      checkArgs(
        "jobLogs",
        options,
        ["job id", jobId],
        // No run id: the job's latest run, found below.
        ["run id", runId ?? 1],
      ) ?? 5000;
    // Compared with dates below: NaN would never end the log, a negative number at once.
    if (
      finishedTimeoutMs !== undefined &&
      !(typeof finishedTimeoutMs === "number" && finishedTimeoutMs >= 0)
    ) {
      throw new TypeError(
        `jobLogs: finishedTimeoutMs must be a number of ms, 0 or more, got ${String(finishedTimeoutMs)}`,
      );
    }
    const listLogs = methodOf(client, "jobs", "list_runs_logs");
    const getRun = methodOf(client, "jobs", "get_runs");
    const init = { signal };
    if (runId === undefined) {
      const runs = await plainBody(
        await methodOf(client, "jobs", "list_runs")(
          jobId,
          { limit: 1, order: "id", order_dir: "desc" },
          init,
        ),
      );
      const latest = fieldOf(Array.isArray(runs) ? runs[0] : undefined, "id");
      if (typeof latest !== "number") throw new Error(`Job ${jobId} has no runs`);
      runId = latest;
    }
    const run = async (field: string) =>
      fieldOf(await plainBody(await getRun(jobId, runId, {}, init)), field);

    const seen = new Set<number>();
    let lastId = 0;
    for (;;) {
      signal?.throwIfAborted();
      const page = await listLogs(jobId, runId, { last_id: lastId, limit: PER_REQUEST }, init);
      const plain = await plainBody(page);
      const bodies: readonly unknown[] = Array.isArray(plain) ? plain : [];
      const headers = (page as { headers?: Headers | null }).headers;
      // NaN when absent or garbled: then there is no higher id to wait for.
      const remoteMax = Number(headers?.get("civis-max-id") || Number.NaN);
      const entries = (Array.isArray(page) ? page : bodies).map(
        (item, i): Entry => [
          Number(fieldOf(bodies[i], "id")),
          String(fieldOf(bodies[i], "createdAt") ?? ""),
          item,
        ],
      );
      const before = lastId;
      if (entries.length > 0) lastId = Math.max(...entries.map((e) => e[0]));
      entries.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0]));
      let fresh = 0;
      for (const [id, , item] of entries) {
        if (seen.has(id)) continue;
        seen.add(id);
        fresh++;
        yield item as ItemOf<Client, "jobs", "list_runs_logs">;
      }
      // More is waiting when the API knows of a higher id and this request made progress
      // (an endpoint that keeps answering the same lines must not make this spin).
      if (lastId < remoteMax && lastId > before) continue;
      const caughtUp = !(lastId < remoteMax);
      if (caughtUp) lastId = restartId(entries);
      const control = headers?.get("civis-cache-control");
      const longAgo = (at: unknown) =>
        typeof at === "string" && Date.parse(at) < Date.now() - finishedTimeoutMs!;
      // civis-python waits forever for a run that never logs; here a finished one ends.
      // finishedTimeoutMs ends it too when the endpoint never reaches its civis-max-id.
      if (
        (caughtUp &&
          (control == null
            ? fresh === 0 && runEnded(String(await run("state"))) !== undefined
            : control !== "no-store")) ||
        (finishedTimeoutMs !== undefined && longAgo(await run("finishedAt")))
      ) {
        return;
      }
      await pollWait(waitMs, signal);
    }
  } catch (error) {
    // The abort itself, not what the request it interrupted made of it.
    throw signal?.aborted ? signal.reason : error;
  }
}
