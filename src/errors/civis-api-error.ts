import { CivisError } from "./civis-error.js";

/** What the server answered, kept off the enumerable surface so logs stay short. */
export interface CivisAPIErrorInit {
  readonly statusCode: number;
  readonly errorMessage: string;
  readonly method: string;
  /** Path and query only: never the host's credentials, never the key. */
  readonly url: string;
  readonly response: globalThis.Response | undefined;
  readonly attempts?: number;
}

/**
 * A non-2xx answer from the API, after retries.
 * Its message reads `(404) Not found (GET /workflows/1)`.
 */
export class CivisAPIError extends CivisError {
  override readonly name = "CivisAPIError" as const;
  // The constructor assigns these; `declare` keeps the build from also emitting an empty field for each.
  declare readonly status_code: number;
  declare readonly error_message: string;
  declare readonly method: string;
  declare readonly url: string;
  /** How many requests were made for this call, retries included. */
  declare readonly attempts: number;
  declare readonly response: globalThis.Response | undefined;

  constructor({
    statusCode,
    errorMessage,
    method,
    url,
    response,
    attempts = 1,
  }: CivisAPIErrorInit) {
    super(`(${statusCode}) ${errorMessage} (${method} ${url})`);
    this.status_code = statusCode;
    this.error_message = errorMessage;
    this.method = method;
    this.url = url;
    this.attempts = attempts;
    Object.defineProperty(this, "response", { value: response, enumerable: false });
  }
}
