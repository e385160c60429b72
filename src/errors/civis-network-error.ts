/**
 * The request never got an answer: connection refused or reset, DNS failure,
 * timeout, or an abort. `cause` is the platform's own error, stripped of the
 * request options (which carry the Authorization header).
 */
export class CivisNetworkError extends Error {
  override readonly name = "CivisNetworkError";
  readonly method: string;
  readonly url: string;
  /** True when `init.signal` or `init.timeout` ended the request. */
  readonly aborted: boolean;
  attempts = 1;

  constructor(method: string, url: string, reason: string, aborted: boolean, cause?: unknown) {
    super(`${reason} (${method} ${url})`, cause === undefined ? undefined : { cause });
    this.method = method;
    this.url = url;
    this.aborted = aborted;
  }
}
