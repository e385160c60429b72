import type { CivisAPIError } from "../errors/civis-api-error.js";
import type { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import type { CivisNetworkError } from "../errors/civis-network-error.js";
import { apiErrorFrom, type ErrorClasses } from "./api-error.js";
import { observeRateLimit } from "./observe-rate-limit.js";
import type { RateLimitGate } from "./rate-limit-gate.js";
import type { RequestSpec } from "./request-spec.js";
import {
  type AttemptOutcome,
  attemptLimit,
  type ResolvedRetryPolicy,
  shouldRetry,
} from "./retry-policy.js";
import type { Exchange } from "./send-once.js";

/**
 * The module send.ts loads on demand, beside the first request: what only some attempts
 * need. It imports none of the core, which send.ts passes in (src/client/helpers/client-helpers.ts
 * says why); the build checks it.
 */
export { watchAttempt } from "./attempt-watch.js";

/**
 * A failed attempt: its error (`got` is the answer, or the CivisNetworkError of an attempt
 * that got none), and the decision to make once the attempt's hooks ran: the wait before the
 * next attempt (`onRetry` told), or undefined to stop.
 */
export function attemptFailed(
  to: { readonly retry: ResolvedRetryPolicy; readonly interceptors?: { gate?: RateLimitGate } },
  req: RequestSpec,
  sent: RequestSpec | undefined,
  attempt: number,
  started: number,
  errors: ErrorClasses,
  got: Exchange | CivisNetworkError,
): [CivisAPIError | CivisAPIKeyError | CivisNetworkError, () => number | undefined] {
  const policy = to.retry;
  const response = (got as Partial<Exchange>).response;
  let outcome: AttemptOutcome;
  let error: CivisAPIError | CivisAPIKeyError | CivisNetworkError;
  if (!response) {
    // A timed-out attempt is retried like a lost connection (only for idempotent
    // methods); the caller's own abort never is.
    error = got as CivisNetworkError;
    outcome = error.aborted ? { kind: "abort" } : { kind: "connection" };
  } else {
    outcome = {
      kind: "status",
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
    };
    // Made for this attempt, so it already counts the attempts.
    error = apiErrorFrom(response, (got as Exchange).text ?? "", sent ?? req, attempt, errors);
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
