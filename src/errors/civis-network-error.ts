import { CivisError } from "./civis-error.js";

/**
 * The request never got an answer: connection refused or reset, DNS failure,
 * a timeout, or an abort. `cause` is the platform's own error, stripped of the
 * request options (which carry the Authorization header).
 */
export class CivisNetworkError extends CivisError {
  override readonly name = "CivisNetworkError" as const;
  // The constructor assigns these; `declare` keeps the build from also emitting an empty field for each.
  declare readonly method: string;
  declare readonly url: string;
  /** True when `init.signal` ended the request: never retried. */
  declare readonly aborted: boolean;
  /** True when the attempt outlasted `init.timeout`: retried like a lost connection. */
  declare readonly timedOut: boolean;
  /** How many requests were made for this call, this one included. */
  declare readonly attempts: number;

  constructor(
    method: string,
    url: string,
    reason: string,
    ended: "aborted" | "timed-out" | "failed",
    attempts: number,
    cause?: unknown,
  ) {
    super(`${reason} (${method} ${url})`, cause === undefined ? undefined : { cause });
    this.method = method;
    this.url = url;
    this.aborted = ended === "aborted";
    this.timedOut = ended === "timed-out";
    this.attempts = attempts;
  }
}
