import { fieldOf, plainBody } from "../internal.js";
import { methodOf } from "./client-methods.js";

/** How many of the last log lines stand in for a run's missing error (civis-python: 15). */
const LOG_LINES = 15;

async function lastLogLines(
  client: object,
  jobId: number,
  runId: number,
  signal: AbortSignal | undefined,
): Promise<string[]> {
  const logs = methodOf(client, "jobs", "list_runs_logs");
  const page = await plainBody(await logs(jobId, runId, { limit: LOG_LINES }, { signal }));
  if (!Array.isArray(page)) return [];
  // Without last_id the API answers the newest lines first; the message reads oldest first.
  return page
    .map((entry) => ({ id: Number(fieldOf(entry, "id")), message: fieldOf(entry, "message") }))
    .sort((a, b) => a.id - b.id)
    .map((entry) => String(entry.message));
}

/**
 * Why a run failed: its `error`, or, as civis-python does when a run has none (some
 * script types never set it), the last lines of its log. Unlike civis-python it does not
 * wait 15 s for a late traceback first.
 */
export async function failureText(
  client: object | undefined,
  jobId: number | undefined,
  runId: number | undefined,
  run: unknown,
  state: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  const error = fieldOf(run, "error");
  if (typeof error === "string" && error.trim() !== "") return error;
  const lines =
    client && jobId !== undefined && runId !== undefined
      ? await lastLogLines(client, jobId, runId, signal).catch(() => [])
      : [];
  if (lines.length > 0) return lines.join("\n");
  return state === "cancelled"
    ? "the run was cancelled"
    : `the run ended "${state}" with no error message and no log`;
}
