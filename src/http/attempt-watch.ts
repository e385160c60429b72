import { CivisNetworkError } from "../errors/civis-network-error.js";
import { type HookContext, type HookLists, runHooks, runRequestHooks } from "./hooks.js";
import type { Logger } from "./logger.js";
import type { RateLimitGate } from "./rate-limit-gate.js";
import type { RequestQueue } from "./request-queue.js";
import type { RequestSpec } from "./request-spec.js";
import { sendOnce } from "./send-once.js";

/** What a client adds around each attempt; the transport has none when nothing applies. */
export interface Interceptors {
  readonly hooks: HookLists | undefined;
  readonly logger: Logger | undefined;
  readonly queue: RequestQueue | undefined;
  readonly gate: RateLimitGate | undefined;
  /** The `Authorization` header of each request, when the API key is a function. */
  readonly authorization: (() => Promise<string>) | undefined;
}

/** Where an attempt is sent: the transport's own fields. */
interface Target {
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
}

/** `X-RateLimit-Remaining`, as `Response.calls_remaining` reads it. */
function callsRemaining(response: globalThis.Response): number | null {
  const value = response.headers.get("x-ratelimit-remaining");
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null;
}

/**
 * One attempt with the client's interceptors: waits for a slot and for a
 * rate-limit pause, adds the key, runs the hooks and logs. Made only when the
 * client or the call has any of them, so a plain client pays nothing.
 */
export class AttemptWatch {
  readonly #x: Interceptors;
  readonly #to: Target;
  readonly #req: RequestSpec;
  readonly #attempt: number;
  readonly #hooks: HookLists | undefined;
  #context: HookContext | undefined;
  #started = 0;

  constructor(x: Interceptors, to: Target, req: RequestSpec, attempt: number) {
    this.#x = x;
    this.#to = to;
    this.#req = req;
    this.#attempt = attempt;
    this.#hooks = req.hooks ?? x.hooks;
  }

  /** The attempt itself: its turn, its headers, `onRequest`, then fetch (or the hook's answer). */
  async send(): Promise<globalThis.Response> {
    const { queue, gate, authorization } = this.#x;
    const req = this.#req;
    const queued = queue?.acquire(req.signal);
    if (queued) await this.#waiting(queued, "for a free request slot");
    try {
      const paused = gate?.wait(req.signal);
      if (paused) await this.#waiting(paused, "in the rate-limit pause");
      let sent = req;
      if (authorization) {
        sent = { ...req, headers: { ...req.headers, Authorization: await authorization() } };
      }
      const hooks = this.#hooks;
      let answer: globalThis.Response | undefined;
      if (hooks) {
        const context: HookContext = {
          operation: req.operation ?? "",
          method: req.method,
          path: req.target,
          url: this.#to.baseUrl + req.target.slice(1),
          attempt: this.#attempt,
          request: { headers: { ...sent.headers }, body: req.body },
        };
        this.#context = context;
        answer = await runRequestHooks(hooks.onRequest, context);
        sent = { ...sent, headers: context.request.headers };
      }
      this.#started = Date.now();
      return answer ?? (await sendOnce(this.#to.fetch, this.#to.baseUrl, sent));
    } finally {
      // Freed when the headers come: a body the caller never reads cannot hold a slot.
      if (queue) queue.release();
    }
  }

  /** After an answer: the debug line, the rate-limit pause, `onResponse` and `onResponseError`. */
  async answered(response: globalThis.Response, error?: Error): Promise<void> {
    this.#x.gate?.observe(response);
    const { logger } = this.#x;
    if (logger?.debug) {
      const remaining = callsRemaining(response);
      this.#log(logger.debug, String(response.status), {
        status: response.status,
        calls_remaining: remaining,
      });
    }
    const context = this.#context;
    const hooks = this.#hooks;
    if (!context || !hooks) return;
    context.response = response;
    await runHooks(hooks.onResponse, context);
    if (error) {
      context.error = error;
      await runHooks(hooks.onResponseError, context);
    }
  }

  /** After no answer: the debug line and `onRequestError`. */
  async failed(error: CivisNetworkError): Promise<void> {
    const { logger } = this.#x;
    if (logger?.debug)
      this.#log(logger.debug, error.message, { status: null, error: error.message });
    const context = this.#context;
    const hooks = this.#hooks;
    if (!context || !hooks) return;
    context.error = error;
    await runHooks(hooks.onRequestError, context);
  }

  /** Before the wait for the next attempt: a line at info. */
  retrying(waitMs: number, status: number | undefined, error: Error): void {
    const { logger } = this.#x;
    if (!logger?.info) return;
    const { operation, method, target } = this.#req;
    const attempt = this.#attempt;
    const after = status === undefined ? error.message : `status ${status}`;
    logger.info(
      `retrying ${operation ?? ""} ${method} ${target} in ${Math.round(waitMs)} ms after ${after} (attempt ${attempt})`,
      { operation, method, path: target, attempt, waitMs, status, error: error.message },
    );
  }

  #log(
    method: (message: string, details: Readonly<Record<string, unknown>>) => void,
    outcome: string,
    details: Readonly<Record<string, unknown>>,
  ): void {
    const req = this.#req;
    const ms = this.#started === 0 ? 0 : Date.now() - this.#started;
    const remaining = details.calls_remaining;
    method.call(
      this.#x.logger,
      `${req.operation ?? ""} ${req.method} ${req.target} ${outcome} in ${ms} ms (attempt ${this.#attempt}${remaining == null ? "" : `, ${remaining} calls remaining`})`,
      {
        operation: req.operation,
        method: req.method,
        path: req.target,
        ms,
        attempt: this.#attempt,
        ...details,
      },
    );
  }

  /** Waits for a slot or a pause; an abort meanwhile ends the call like an abort between retries. */
  async #waiting(wait: Promise<void>, where: string): Promise<void> {
    try {
      await wait;
    } catch (reason) {
      const { method, target } = this.#req;
      throw new CivisNetworkError(
        method,
        target,
        `Aborted while waiting ${where}`,
        "aborted",
        reason,
      );
    }
  }
}

/** The attempt's watch, or undefined when neither the client nor the call adds anything. */
export function watchAttempt(
  x: Interceptors | undefined,
  to: Target,
  req: RequestSpec,
  attempt: number,
): AttemptWatch | undefined {
  if (x) return new AttemptWatch(x, to, req, attempt);
  return req.hooks ? new AttemptWatch(NONE, to, req, attempt) : undefined;
}

const NONE: Interceptors = {
  hooks: undefined,
  logger: undefined,
  queue: undefined,
  gate: undefined,
  authorization: undefined,
};
