import type { RateLimitGate } from "./rate-limit-gate.js";
import { parseRetryAfter } from "./retry-after.js";

/** Closes the client's gate when an answer is a 429 that says how long to wait. */
export function observeRateLimit(
  gate: RateLimitGate | undefined,
  response: globalThis.Response,
): void {
  if (response.status === 429) gate?.hold(parseRetryAfter(response.headers.get("retry-after")));
}
