import { CivisError } from "./core.js";

/**
 * There was nothing to read: an export with no output, or a file with no download URL
 * (expired, or never there). civis-python's `EmptyResultError`.
 */
export class EmptyResultError extends CivisError {
  override readonly name = "EmptyResultError" as const;
}
