import { CivisAPIError } from "../errors/civis-api-error.js";
import { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import { CivisNetworkError } from "../errors/civis-network-error.js";
import { checkHeaderName, checkHeaderValue } from "../errors/header-value-error.js";
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
 * What only some attempts need loads on demand, as one module (attempt-failed.ts): a failed
 * attempt's error and the retry rules; the hooks, logger, queue and key function. It loads
 * beside the first request, so that a later failure finds it loaded even if the network is
 * gone by then (a load that failed is tried again when next needed); once loaded, it costs
 * no await.
 */
const loadFailing = () => import("./attempt-failed.js");
let failing: Promise<Awaited<ReturnType<typeof loadFailing>> | undefined> | undefined;
let watching: Awaited<ReturnType<typeof loadFailing>> | undefined;
/** The core's parts the on-demand module uses (it imports none of the core). */
const KIT: WatchKit = [
  CivisAPIError,
  CivisAPIKeyError,
  sendOnce,
  CivisNetworkError,
  checkHeaderName,
  checkHeaderValue,
  basicAuth,
];

/**
 * Sends a request, retrying by the documented rules, and resolves to the first
 * 2xx answer with its body read (left unread with `keepBody`), and how many
 * requests it took. Rejects with the last answer's error.
 */
export async function send(
  transport: Transport,
  req: RequestSpec,
  keepBody?: boolean,
): Promise<Exchange & { readonly attempts: number }> {
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
      watching ??= await loadFailing();
      watch = watching.watchAttempt(x, transport, req, attempt, KIT);
    }
    // The answer, or the CivisNetworkError of an attempt that got none.
    let got: Exchange | CivisNetworkError;
    try {
      got = watch
        ? await watch.send(keepBody)
        : await sendOnce(transport.fetch, transport.baseUrl, req, attempt, keepBody);
    } catch (error) {
      // What the key function or an onRequest hook throws (before anything is sent) reaches
      // the caller as it is, even a CivisNetworkError; an abort while waiting to send is the
      // attempt's own.
      if (!(error instanceof CivisNetworkError) || (watch && !watch.sent && !error.aborted)) {
        throw error;
      }
      got = error;
    }
    // Out of the catch: what onResponse throws reaches the caller as it is too.
    if ((got as Partial<Exchange>).response?.ok) {
      if (watch) await watch.after((got as Exchange).response);
      // An error about the body (not JSON, not a page) counts the attempts too.
      return { ...(got as Exchange), attempts: attempt };
    }
    const [error, retryIn] = ((await failing) ?? (await loadFailing())).attemptFailed(
      transport,
      req,
      watch?.sent,
      attempt,
      started,
      KIT,
      got,
    );
    if (watch) await watch.after((got as Partial<Exchange>).response, error);
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
