import { CivisError } from "./civis-error.js";

/** What the server answered, kept off the printed surface so logs stay short. */
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
  // Private, behind a getter: util.inspect shows no private field and no getter, even with
  // showHidden, and an answer that echoes the key in a header or its status text would
  // print it (a non-enumerable property still shows there).
  readonly #response: globalThis.Response | undefined;

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
    this.#response = response;
  }

  /** The answer, its body already read. */
  get response(): globalThis.Response | undefined {
    return this.#response;
  }
}
