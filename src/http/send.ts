import { CivisAPIError } from "../errors/civis-api-error.js";
import { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import { CivisNetworkError } from "../errors/civis-network-error.js";
import { checkHeaderName, checkHeaderValue } from "../errors/header-value-error.js";
import type { ErrorClasses } from "./api-error.js";
import type { AttemptWatch, Interceptors, WatchKit } from "./attempt-watch.js";
import { basicAuth } from "./basic-auth.js";
import type { RequestSpec } from "./request-spec.js";
import type { ResolvedRetryPolicy } from "./retry-policy.js";
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
const WATCH_KIT: WatchKit = [
  sendOnce,
  CivisNetworkError,
  checkHeaderName,
  checkHeaderValue,
  CivisAPIKeyError,
  basicAuth,
];

/**
 * What only a failed attempt needs (its error, the retry rules) loads beside the first
 * request, so that a later failure finds it loaded even if the network is gone by then; a
 * load that failed is tried again when needed.
 */
const loadFailing = () => import("./attempt-failed.js");
let failing: Promise<Awaited<ReturnType<typeof loadFailing>> | undefined> | undefined;
const ERRORS: ErrorClasses = [CivisAPIError, CivisAPIKeyError];

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
  const x = transport.interceptors;
  failing ??= loadFailing().catch(() => (failing = undefined));
  for (let attempt = 1; ; attempt++) {
    let watch: AttemptWatch | undefined;
    // With only the rate-limit pause, and the pause off, there is nothing to add (the pause
    // still sees each error answer, below).
    if (
      req.hooks ||
      (x && (x.hooks || x.logger || x.maxConcurrent || x.authorization || x.gate?.paused()))
    ) {
      watching ??= await import("./attempt-watch.js");
      watch = watching.watchAttempt(x, transport, req, attempt, WATCH_KIT);
    }
    let exchange: Exchange | undefined;
    let thrown: CivisNetworkError | undefined;
    try {
      exchange = watch
        ? await watch.send(keepBody)
        : await sendOnce(transport.fetch, transport.baseUrl, req, attempt, keepBody);
      if (exchange.response.ok) {
        if (watch) await watch.after(exchange.response);
        return exchange;
      }
    } catch (error) {
      if (!(error instanceof CivisNetworkError)) throw error;
      thrown = error;
      // A hook's CivisNetworkError after a 2xx answer is a lost connection, as any other.
      exchange = undefined;
    }
    const [error, retryIn] = ((await failing) ?? (await loadFailing())).attemptFailed(
      transport,
      req,
      watch?.sent ?? req,
      attempt,
      started,
      ERRORS,
      exchange,
      thrown,
    );
    if (watch) await watch.after(exchange?.response, error);
    const waitMs = retryIn();
    if (waitMs === undefined) throw error;
    watch?.retrying(waitMs);
    try {
      await sleep(waitMs, req.signal);
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
