import type { CivisAPIError } from "../errors/civis-api-error.js";
import type { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import { CivisNetworkError } from "../errors/civis-network-error.js";
import { checkHeaderName, checkHeaderValue } from "../errors/header-value-error.js";
import { apiErrorFrom } from "./api-error.js";
import type { AttemptWatch, Interceptors, WatchKit } from "./attempt-watch.js";
import type { RequestSpec } from "./request-spec.js";
import {
  type AttemptOutcome,
  attemptLimit,
  type ResolvedRetryPolicy,
  shouldRetry,
} from "./retry-policy.js";
import { type Exchange, sendOnce } from "./send-once.js";
import { sleep } from "./sleep.js";

/** What a client needs to send requests. */
export interface Transport {
  /** Called as a plain function: a browser's fetch throws when called as a method. */
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
  readonly retry: ResolvedRetryPolicy;
  /** Hooks, logger, queue, rate-limit pause, key function; none when nothing applies. */
  readonly interceptors?: Interceptors | undefined;
}

/**
 * Hooks, logger, queue and key function load with the first attempt that needs them: a page
 * whose client has none never loads them, and a loaded module costs no await after that.
 */
let watching: typeof import("./attempt-watch.js") | undefined;
const KIT: WatchKit = [sendOnce, CivisNetworkError, checkHeaderName, checkHeaderValue];

/**
 * Sends a request, retrying by the documented rules, and resolves to the first
 * 2xx answer with its body read (left unread with `keepBody`). Rejects with the
 * last answer's error.
 */
export async function send(
  transport: Transport,
  req: RequestSpec,
  keepBody?: boolean,
): Promise<Exchange> {
  const started = Date.now();
  const policy = transport.retry;
  const x = transport.interceptors;
  for (let attempt = 1; ; attempt++) {
    let outcome: AttemptOutcome;
    let error: CivisAPIError | CivisAPIKeyError | CivisNetworkError;
    let status: number | undefined;
    let watch: AttemptWatch | undefined;
    // With only the rate-limit pause, and the pause off, there is nothing to add (the pause
    // still sees each error answer, below).
    if (
      req.hooks ||
      (x && (x.hooks || x.logger || x.maxConcurrent || x.authorization || x.gate?.paused()))
    ) {
      watching ??= await import("./attempt-watch.js");
      watch = watching.watchAttempt(x, transport, req, attempt, KIT);
    }
    try {
      const exchange = watch
        ? await watch.send(keepBody)
        : await sendOnce(transport.fetch, transport.baseUrl, req, attempt, keepBody);
      const { response } = exchange;
      if (response.ok) {
        if (watch) await watch.after(response);
        return exchange;
      }
      status = response.status;
      outcome = { kind: "status", status, retryAfter: response.headers.get("retry-after") };
      // Made for this attempt, so it already counts the attempts.
      error = apiErrorFrom(response, exchange.text ?? "", watch?.sent ?? req, attempt);
      if (watch) await watch.after(response, error);
      else x?.gate?.observe(response);
    } catch (thrown) {
      if (!(thrown instanceof CivisNetworkError)) throw thrown;
      // A timed-out attempt is retried like a lost connection (only for idempotent
      // methods); the caller's own abort never is.
      outcome = thrown.aborted ? { kind: "abort" } : { kind: "connection" };
      error = thrown;
      if (watch) await watch.after(undefined, thrown);
    }
    const decision = shouldRetry(policy, req.method, outcome, attempt, Date.now() - started);
    if (!decision.retry) throw error;
    policy.onRetry?.({
      attempt,
      waitMs: decision.waitMs,
      method: req.method,
      url: req.target,
      status,
      error,
      maxAttempts: attemptLimit(policy, outcome),
    });
    watch?.retrying(decision.waitMs);
    try {
      await sleep(decision.waitMs, req.signal);
    } catch (reason) {
      throw new CivisNetworkError(
        req.method,
        req.target,
        "Aborted while waiting to retry",
        "aborted",
        attempt,
        reason,
      );
    }
  }
}
