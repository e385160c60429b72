import { parseRetryAfter } from "./retry-after.js";
import { sleep } from "./sleep.js";

/**
 * One 429 with `Retry-After` pauses the whole client, as Octokit's throttling
 * plugin does: the requests in flight finish, new ones wait until the time the
 * server named, so a burst draws one 429 rather than one per request.
 */
export class RateLimitGate {
  /** Epoch ms before which no new request is sent. */
  #until = 0;
  readonly #maxPauseMs: number;

  /** `maxPauseMs`: the retry budget; no call would wait longer for its own retry either. */
  constructor(maxPauseMs: number) {
    this.#maxPauseMs = maxPauseMs;
  }

  /** Undefined when open (the usual case, no promise made); else the wait, ended early by `signal`. */
  wait(signal: AbortSignal | undefined): Promise<void> | undefined {
    if (this.#until === 0) return undefined;
    const ms = this.#until - Date.now();
    if (ms > 0) return sleep(ms, signal);
    this.#until = 0;
    return undefined;
  }

  /** Closes the gate when an answer is a 429 that says how long to wait. */
  observe(response: globalThis.Response): void {
    if (response.status !== 429) return;
    const ms = parseRetryAfter(response.headers.get("retry-after"));
    if (ms === undefined || ms <= 0) return;
    this.#until = Math.max(this.#until, Date.now() + Math.min(ms, this.#maxPauseMs));
  }
}
