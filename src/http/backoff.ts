/**
 * Full jitter (random exponential): uniform in [0, min(cap, multiplier * 2^(attempt-1))].
 * The default policy's multiplier and cap are in DEFAULTS (src/options/defaults.ts).
 */
export function randomExponential(attempt: number, multiplierMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, multiplierMs * 2 ** Math.max(0, attempt - 1));
  return Math.random() * ceiling;
}
