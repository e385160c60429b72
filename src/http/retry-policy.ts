import { parseRetryAfter } from "./retry-after.js";

/** Details of a retry about to happen, given to `RetryPolicy.onRetry`. */
export interface RetryInfo {
  /** The attempt that just failed (1 for the first request). */
  readonly attempt: number;
  /** How long the client will wait before the next attempt, in ms. */
  readonly waitMs: number;
  readonly method: string;
  /** Path and query of the request. */
  readonly url: string;
  /** The status of the answer, or undefined after a connection failure. */
  readonly status: number | undefined;
  readonly error: Error;
  /** The most attempts this kind of failure gets in all (the spec download gives up sooner on no answer). */
  readonly maxAttempts: number;
}

/** Changes how long the client waits and when it stops; never which answers are retried. */
export interface RetryPolicy {
  /** Stop after this many requests. Default 10. */
  readonly maxAttempts?: number;
  /** Stop when the next wait would end later than this many ms after the first request. Default 600000. */
  readonly maxElapsedMs?: number;
  /**
   * The wait before attempt `attempt + 1`, in ms. Default: random exponential, multiplier 2 s,
   * at most 60 s. `Infinity` ends the retries.
   */
  readonly backoff?: (attempt: number) => number;
  /** Called before each wait. */
  readonly onRetry?: (info: RetryInfo) => void;
}

export interface ResolvedRetryPolicy {
  readonly maxAttempts: number;
  /**
   * Fewer attempts for a request that got no answer at all (refused, DNS, CORS, timeout):
   * the spec download sets it, so a wrong base URL fails in seconds, not minutes.
   */
  readonly maxNoAnswerAttempts?: number;
  readonly maxElapsedMs: number;
  readonly backoff: (attempt: number) => number;
  readonly onRetry: ((info: RetryInfo) => void) | undefined;
}

const RETRY_AFTER_STATUSES = new Set([413, 429, 503]);
const BACKOFF_STATUSES = new Set([429, 502, 503, 504]);
const POST_STATUSES = new Set([429, 503]);
const CONNECTION_RETRY_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** The outcome of one attempt, as far as the retry rules care. */
export type AttemptOutcome =
  | { readonly kind: "status"; readonly status: number; readonly retryAfter: string | null }
  | { readonly kind: "connection" }
  | { readonly kind: "abort" };

/**
 * The civis-python retry rules: which outcomes may be retried, and the least
 * wait the server asked for. Returns undefined when the outcome is final.
 */
export function retryableWait(
  method: string,
  outcome: AttemptOutcome,
  now = Date.now(),
): { readonly minWaitMs: number } | undefined {
  const verb = method.toUpperCase();
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent; an abort has no status, so the rules below would not retry it either (this line says so first)
  if (outcome.kind === "abort") return undefined;
  if (outcome.kind === "connection")
    return CONNECTION_RETRY_METHODS.has(verb) ? { minWaitMs: 0 } : undefined;
  const { status } = outcome;
  const retryAfter = RETRY_AFTER_STATUSES.has(status)
    ? parseRetryAfter(outcome.retryAfter, now)
    : undefined;
  if (retryAfter !== undefined) return { minWaitMs: retryAfter };
  if (verb === "PATCH") return undefined;
  if (verb === "POST") return POST_STATUSES.has(status) ? { minWaitMs: 0 } : undefined;
  return BACKOFF_STATUSES.has(status) ? { minWaitMs: 0 } : undefined;
}

/** How many attempts in all a request may make after this outcome. */
export function attemptLimit(policy: ResolvedRetryPolicy, outcome: AttemptOutcome): number {
  const noAnswer = outcome.kind === "connection" ? policy.maxNoAnswerAttempts : undefined;
  return noAnswer === undefined ? policy.maxAttempts : Math.min(policy.maxAttempts, noAnswer);
}

/**
 * The whole decision for one failed attempt: wait this many ms, or stop.
 * `elapsedMs` counts from the first request.
 */
export function shouldRetry(
  policy: ResolvedRetryPolicy,
  method: string,
  outcome: AttemptOutcome,
  attempt: number,
  elapsedMs: number,
  now = Date.now(),
): { readonly retry: true; readonly waitMs: number } | { readonly retry: false } {
  const rule = retryableWait(method, outcome, now);
  if (!rule || attempt >= attemptLimit(policy, outcome)) return { retry: false };
  const backoff = policy.backoff(attempt);
  // NaN is no wait, and 0 or less loses to minWaitMs (never below 0). Infinity (an exponential
  // past 2^1024) once counted as no wait too: a retry at once, over and over.
  const waitMs = Math.max(rule.minWaitMs, backoff || 0);
  // A wait that would outlast the policy's time, or never end, is not started at all.
  if (elapsedMs + waitMs > policy.maxElapsedMs || waitMs === Infinity) return { retry: false };
  return { retry: true, waitMs };
}
