import { type APIClient, jobLogs, runJob } from "../../index.js";
import { BOOLEAN_FLAGS } from "../cli-options.js";
import type { CliContext } from "../open-client.js";
import type { FlagValues } from "../parse-args.js";
import { pollIntervalMs } from "../poll-interval.js";
import { UsageError } from "../usage-error.js";

/** What the command line shows of API text: no ESC, BEL, C1 or other control character. */
const printable = (text: unknown): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  String(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?");

function idOf(word: string | undefined, what: string): number {
  const id = Number(word);
  if (word === undefined || !/^\d+$/.test(word) || !Number.isSafeInteger(id) || id <= 0) {
    throw new UsageError(
      `civis jobs: the ${what} must be a positive integer, got ${word ?? "nothing"}`,
    );
  }
  return id;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * `civis jobs run ID --wait`: starts a run and follows it, a progress line on stderr
 * (redrawn in place on a terminal, one line per change of state otherwise); resolves to the
 * finished run, or rejects with the CivisJobFailure whose text the command line prints.
 * Without --wait, the new run is printed at once.
 */
async function runCommand(
  client: APIClient,
  words: readonly string[],
  wait: boolean,
  context: CliContext,
): Promise<unknown> {
  const jobId = idOf(words[0], "job id");
  if (words.length > 1)
    throw new UsageError(`civis jobs run takes one job id, got ${words.join(" ")}`);
  if (!wait) return client.jobs?.post_runs?.(jobId);
  const { stderr } = context;
  const started = Date.now();
  let last = "";
  const line = (state: string, runId: number | undefined) =>
    `Job ${jobId}${runId === undefined ? "" : ` run ${runId}`}: ${printable(state)}, ${seconds(Date.now() - started)}`;
  const future = runJob(client, jobId, {
    pollingIntervalMs: pollIntervalMs(context.env),
    onUpdate: (run, f) => {
      const state = String(run.state);
      if (stderr.isTTY) stderr.write(`\r${line(state, f.run_id)}\x1b[K`);
      else if (state !== last) stderr.write(`${line(state, f.run_id)}\n`);
      last = state;
    },
  });
  // On a terminal the elapsed time ticks between polls (which grow to 15 s apart).
  const ticker = stderr.isTTY
    ? setInterval(() => {
        if (last) stderr.write(`\r${line(last, future.run_id)}\x1b[K`);
      }, 1000)
    : undefined;
  try {
    return await future;
  } finally {
    clearInterval(ticker);
    if (stderr.isTTY && last) stderr.write("\n");
  }
}

/** `civis jobs follow-log ID [RUN_ID]`: each log line on stdout as it appears, until the log is complete. */
async function followLog(
  client: APIClient,
  words: readonly string[],
  context: CliContext,
): Promise<undefined> {
  const jobId = idOf(words[0], "job id");
  const runId = words[1] === undefined ? undefined : idOf(words[1], "run id");
  if (words.length > 2) throw new UsageError("civis jobs follow-log takes a job id and a run id");
  const options = { pollingIntervalMs: pollIntervalMs(context.env) };
  for await (const entry of jobLogs(client, jobId, runId, options)) {
    context.stdout?.write(`${printable(entry.created_at)} ${printable(entry.message).trimEnd()}\n`);
  }
  return undefined;
}

/** The flags of `civis jobs run` that take no value, with the command line's own. */
export const JOB_RUN_FLAGS: ReadonlySet<string> = new Set([...BOOLEAN_FLAGS, "wait"]);

/** The job commands the command line adds to the `jobs` resource's methods. */
export const JOB_COMMANDS: ReadonlySet<string> = new Set(["run", "follow-log"]);

/** `civis jobs run ...` and `civis jobs follow-log ...`; resolves to what to print, if anything. */
export async function jobsCommand(
  client: APIClient,
  [command, ...words]: readonly string[],
  apiFlags: ReadonlyMap<string, FlagValues>,
  context: CliContext,
): Promise<unknown> {
  const flags = [...apiFlags.keys()];
  const allowed = command === "run" ? ["wait"] : [];
  const unknown = flags.find((flag) => !allowed.includes(flag));
  if (unknown !== undefined)
    throw new UsageError(`civis jobs ${command} has no option --${unknown}`);
  return command === "run"
    ? runCommand(client, words, apiFlags.has("wait"), context)
    : followLog(client, words, context);
}
