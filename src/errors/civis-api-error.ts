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

  constructor(init: CivisAPIErrorInit) {
    super(`(${init.statusCode}) ${init.errorMessage} (${init.method} ${init.url})`);
    this.status_code = init.statusCode;
    this.error_message = init.errorMessage;
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts ?? 1;
    Object.defineProperty(this, "response", { value: init.response, enumerable: false });
  }
}
