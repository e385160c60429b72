import { UsageError } from "./usage-error.js";

/**
 * `CIVIS_POLL_MS`: how often `jobs run --wait`, `jobs follow-log` and `sql` ask about a run,
 * in ms, instead of the library's schedule (1 s, growing to 15 s; logs every 5 s). Scripts
 * and tests against a fast API need not wait a second for the first look.
 */
export function pollIntervalMs(
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  const text = env.CIVIS_POLL_MS;
  if (text === undefined || text === "") return undefined;
  const ms = Number(text);
  if (!/^\d+$/.test(text) || ms < 1 || ms > 2_147_483_647) {
    throw new UsageError(
      `CIVIS_POLL_MS must be a whole number of ms from 1 to 2147483647, got ${text}`,
    );
  }
  return ms;
}
