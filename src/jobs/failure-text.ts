import { fieldOf, plainBody } from "../internal.js";
import { methodOf } from "./client-methods.js";

/** How many of the last log lines stand in for a run's missing error (civis-python: 15). */
const LOG_LINES = 15;

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
  try {
    const page =
      client &&
      jobId !== undefined &&
      runId !== undefined &&
      (await plainBody(
        await methodOf(client, "jobs", "list_runs_logs")(
          jobId,
          runId,
          { limit: LOG_LINES },
          { signal },
        ),
      ));
    // Without last_id the API answers the newest lines first; the message reads oldest first.
    const id = (entry: unknown) => Number(fieldOf(entry, "id"));
    if (Array.isArray(page) && page.length > 0) {
      return [...page]
        .sort((a, b) => id(a) - id(b))
        .map((entry) => String(fieldOf(entry, "message")))
        .join("\n");
    }
  } catch {
    // No log to show (no client, no such method, a failed request): say so below.
  }
  return state === "cancelled"
    ? "the run was cancelled"
    : `the run ended "${state}" with no error message and no log`;
}
