import type { CivisAPIError } from "../errors/civis-api-error.js";
import type { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import type { CivisNetworkError } from "../errors/civis-network-error.js";
import type { checkHeaderName, checkHeaderValue } from "../errors/header-value-error.js";
import type { basicAuth } from "./basic-auth.js";
import type { HookContext, Hooks } from "./hooks.js";
import type { Logger } from "./logger.js";
import type { RateLimitGate } from "./rate-limit-gate.js";
import { type RequestQueue, requestQueue } from "./request-queue.js";
import type { RequestSpec } from "./request-spec.js";
import { runHooks } from "./run-hooks.js";
import type { Exchange, sendOnce } from "./send-once.js";

/** What a client adds around each attempt; the transport has none when nothing applies. */
export interface Interceptors {
  readonly hooks?: Hooks | undefined;
  readonly logger?: Logger | undefined;
  /** `maxConcurrent`; its queue is made by the first watch (this file holds the queue's code). */
  readonly maxConcurrent?: number | undefined;
  queue?: RequestQueue | undefined;
  readonly gate?: RateLimitGate | undefined;
  /** The API key, when it is a function: called for each request's `Authorization` header. */
  readonly authorization?: (() => string | Promise<string>) | undefined;
}

/**
 * What the on-demand module (attempt-failed.ts, with this file) takes from the core, in this
 * order: it imports none of the core (src/client/helpers/client-helpers.ts says why); a tuple,
 * as its names cost nothing once minified.
 */
export type WatchKit = readonly [
  typeof CivisAPIError,
  typeof CivisAPIKeyError,
  typeof sendOnce,
  typeof CivisNetworkError,
  typeof checkHeaderName,
  typeof checkHeaderValue,
  typeof basicAuth,
];

/** One attempt seen through the client's interceptors (send.ts calls these in turn). */
export interface AttemptWatch {
  /**
   * Waits for a slot and any rate-limit pause, adds the key, runs `onRequest`, then
   * sends (or takes the hook's answer), reading the body as `sendOnce` does.
   */
  send(keepBody?: boolean): Promise<Exchange>;
  /**
   * The request as sent, key and hooks' headers included (errors blank an echoed key by it).
   * Undefined until the key function and `onRequest` are done: send.ts reads that.
   */
  sent: RequestSpec | undefined;
  /**
   * After the attempt (and the pause a 429 asks for): the debug line, then `onResponse`
   * and (with an error) `onResponseError`; without a response, `onRequestError`.
   */
  after(response: globalThis.Response | undefined, error?: Error): Promise<void>;
  /** Before the wait for a retry: a line at info. */
  retrying(waitMs: number): void;
}

/** `key=value` pairs (logfmt): one readable line that tools can also parse. */
function logLine(details: Readonly<Record<string, unknown>>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
}

/**
 * The attempt's watch; send.ts asks for one only when the client or the call adds
 * something, so a plain client pays nothing.
 */
export function watchAttempt(
  x: Interceptors | undefined,
  to: { readonly fetch: typeof fetch; readonly baseUrl: string },
  req: RequestSpec,
  attempt: number,
  [, KeyError, sendOnce, NetworkError, checkHeaderName, checkHeaderValue, basicAuth]: WatchKit,
): AttemptWatch {
  const { gate, authorization, logger, hooks, maxConcurrent } = x ?? {};
  // One queue per client, made here so that its code loads with this file.
  if (maxConcurrent) x!.queue ??= requestQueue(maxConcurrent);
  const queue = x?.queue;
  const hooked = hooks || req.hooks;
  const { operation = "", method, target: path, signal } = req;
  // Made only when a hook will see it: a client with just a queue or a logger skips it.
  const context: HookContext | undefined = hooked
    ? {
        operation,
        method,
        path,
        url: to.baseUrl + path.slice(1),
        attempt,
        request: { headers: { ...req.headers }, body: req.body },
      }
    : undefined;
  const sets = [hooks, req.hooks];
  let started = Date.now();
  let details: Record<string, unknown> | undefined;
  // A wait for a slot or a pause ends on abort, like a wait between retries.
  const waitFor = (wait: Promise<void>): Promise<void> =>
    wait.catch((reason) => {
      throw new NetworkError(
        method,
        path,
        "Aborted while waiting to send",
        "aborted",
        attempt,
        reason,
      );
    });
  return {
    sent: undefined,
    async send(keepBody) {
      const queued = queue?.acquire(signal);
      if (queued) await waitFor(queued);
      try {
        const paused = gate?.wait(signal);
        if (paused) await waitFor(paused);
        // Copied only when something adds to them: the key, or a hook.
        let headers = context
          ? context.request.headers
          : authorization
            ? { ...req.headers }
            : undefined;
        if (authorization) {
          // A bad answer says so without repeating it.
          const key = await authorization();
          if (typeof key !== "string" || key === "") {
            throw new KeyError("The apiKey function must return a non-empty string");
          }
          checkHeaderValue("The API key", key, KeyError, false);
          headers!.Authorization = basicAuth(key);
        }
        const answer = context && (await runHooks("onRequest", context, sets));
        // A header an onRequest hook set that fetch would refuse is a mistake, not a lost
        // connection to retry (the others were checked before the first attempt).
        if (context) {
          // A hook may replace the headers object as well as change it.
          headers = context.request.headers;
          for (const [name, value] of Object.entries(headers)) {
            checkHeaderName("onRequest", name);
            checkHeaderValue(`onRequest: the header "${name}"`, String(value));
          }
        }
        this.sent = headers ? { ...req, headers } : req;
        started = Date.now();
        if (!answer) return await sendOnce(to.fetch, to.baseUrl, this.sent, attempt, keepBody);
        return { response: answer, text: keepBody && answer.ok ? undefined : await answer.text() };
      } finally {
        // Freed when the headers come: a body the caller never reads cannot hold a slot.
        queue?.release();
      }
    },
    async after(response, error) {
      if (logger) {
        const left = response?.headers.get("x-ratelimit-remaining");
        details = {
          operation,
          method,
          path,
          status: response?.status ?? null,
          ms: Date.now() - started,
          attempt,
          calls_remaining: left ? +left : null,
        };
        if (!response) details.error = error?.message;
        logger.debug?.(logLine(details), details);
      }
      if (!context) return;
      context.error = error;
      if (response) {
        context.response = response;
        await runHooks("onResponse", context, sets);
      }
      if (error) await runHooks(response ? "onResponseError" : "onRequestError", context, sets);
    },
    retrying(waitMs) {
      const retry = { ...details, retry_in_ms: Math.round(waitMs) };
      logger?.info?.(logLine(retry), retry);
    },
  };
}
