import type { CivisAPIError } from "./civis-api-error.js";
import { CivisError } from "./civis-error.js";

/**
 * The API key is missing, malformed, or refused (401). On a 401 its `cause` is
 * the `CivisAPIError` with the server's answer. The key itself is never shown.
 */
export class CivisAPIKeyError extends CivisError {
  override readonly name = "CivisAPIKeyError" as const;
  declare readonly cause?: CivisAPIError;

  constructor(message: string, cause?: CivisAPIError) {
    super(message, cause ? { cause } : undefined);
  }

  get status_code(): number | undefined {
    return this.cause?.status_code;
  }
}
