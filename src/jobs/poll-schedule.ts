/** The longest wait between polls, and every wait in a hidden browser tab. */
export const MAX_POLL_MS = 15_000;

/**
 * civis-python's schedule (civis/polling.py): 1 s, then 1.2 times longer after each poll, up
 * to 15 s, so a short job is seen finishing soon and a long one costs a request per 15 s.
 * A fixed interval, when given, is used as is.
 */
export function nextPollDelay(previous: number | undefined, fixedMs: number | undefined): number {
  if (fixedMs !== undefined) return fixedMs;
  return previous === undefined ? 1000 : Math.min(previous * 1.2, MAX_POLL_MS);
}

/** What a future's caller says about its polling. */
export interface PollingOptions {
  readonly pollingIntervalMs?: unknown;
  readonly onUpdate?: unknown;
}

/**
 * Checks the polling options (`pollingIntervalMs`, `onUpdate`) before anything is sent;
 * returns the fixed interval, if one is given.
 */
export function checkPollingOptions(
  where: string,
  { pollingIntervalMs: value, onUpdate }: PollingOptions,
): number | undefined {
  if (onUpdate !== undefined && typeof onUpdate !== "function") {
    throw new TypeError(`${where}: onUpdate must be a function, got ${String(onUpdate)}`);
  }
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value > 0) || value > 2 ** 31 - 1) {
    throw new TypeError(
      `${where}: pollingIntervalMs must be a number of ms between 1 and 2147483647, got ${String(value)}`,
    );
  }
  return value;
}
