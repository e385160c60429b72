import type { CivisAPIError } from "../errors/civis-api-error.js";
import type { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import type { CivisNetworkError } from "../errors/civis-network-error.js";
import { apiErrorFrom, type ErrorClasses } from "./api-error.js";
import type { RateLimitGate } from "./rate-limit-gate.js";
import type { RequestSpec } from "./request-spec.js";
import { parseRetryAfter } from "./retry-after.js";
import {
  type AttemptOutcome,
  attemptLimit,
  type ResolvedRetryPolicy,
  shouldRetry,
} from "./retry-policy.js";
import type { Exchange } from "./send-once.js";

/** Closes the client's gate when an answer is a 429 that says how long to wait. */
export function observeRateLimit(
  gate: RateLimitGate | undefined,
  response: globalThis.Response,
): void {
  if (response.status === 429) gate?.hold(parseRetryAfter(response.headers.get("retry-after")));
}

/**
 * What only a failed attempt needs (send.ts loads this file beside the first request; it
 * imports none of the core, whose error classes are passed in: src/client/helpers/client-helpers.ts
 * says why). Returns the attempt's error, and the decision to make once the attempt's hooks ran:
 * the wait before the next attempt (`onRetry` told), or undefined to stop.
 */
export function attemptFailed(
  to: { readonly retry: ResolvedRetryPolicy; readonly interceptors?: { gate?: RateLimitGate } },
  req: RequestSpec,
  sent: RequestSpec,
  attempt: number,
  started: number,
  errors: ErrorClasses,
  exchange: Exchange | undefined,
  thrown: CivisNetworkError | undefined,
): [CivisAPIError | CivisAPIKeyError | CivisNetworkError, () => number | undefined] {
  const policy = to.retry;
  const response = exchange?.response;
  let outcome: AttemptOutcome;
  let error: CivisAPIError | CivisAPIKeyError | CivisNetworkError;
  if (!response) {
    // A timed-out attempt is retried like a lost connection (only for idempotent
    // methods); the caller's own abort never is.
    outcome = thrown!.aborted ? { kind: "abort" } : { kind: "connection" };
    error = thrown!;
  } else {
    outcome = {
      kind: "status",
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
    };
    // Made for this attempt, so it already counts the attempts.
    error = apiErrorFrom(response, exchange!.text ?? "", sent, attempt, errors);
    observeRateLimit(to.interceptors?.gate, response);
  }
  return [
    error,
    () => {
      const decision = shouldRetry(policy, req.method, outcome, attempt, Date.now() - started);
      if (!decision.retry) return undefined;
      policy.onRetry?.({
        attempt,
        waitMs: decision.waitMs,
        method: req.method,
        url: req.target,
        status: response?.status,
        error,
        maxAttempts: attemptLimit(policy, outcome),
      });
      return decision.waitMs;
    },
  ];
}
