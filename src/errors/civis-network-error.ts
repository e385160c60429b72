/**
 * The request never got an answer: connection refused or reset, DNS failure,
 * a timeout, or an abort. `cause` is the platform's own error, stripped of the
 * request options (which carry the Authorization header).
 */
export class CivisNetworkError extends Error {
  override readonly name = "CivisNetworkError";
  // The constructor assigns these; `declare` keeps the build from also emitting an empty field for each.
  declare readonly method: string;
  declare readonly url: string;
  /** True when `init.signal` ended the request: never retried. */
  declare readonly aborted: boolean;
  /** True when the attempt outlasted `init.timeout`: retried like a lost connection. */
  declare readonly timedOut: boolean;
  declare attempts: number;

  constructor(
    method: string,
    url: string,
    reason: string,
    ended: "aborted" | "timed-out" | "failed",
    cause?: unknown,
  ) {
    super(`${reason} (${method} ${url})`, cause === undefined ? undefined : { cause });
    this.method = method;
    this.url = url;
    this.aborted = ended === "aborted";
    this.timedOut = ended === "timed-out";
    this.attempts = 1;
  }
}
