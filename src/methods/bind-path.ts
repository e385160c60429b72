import type { Param } from "../description/operation-detail.js";
import { encodePathParam } from "../http/encode-path.js";
import { isOptionsObject } from "./argument-error.js";
import type { CallErrors } from "./call-errors.js";

/** The path with each `{parameter}` replaced by its positional argument, encoded. */
export function bindPath(
  path: string,
  pathParams: readonly Param[],
  args: readonly unknown[],
  errors: CallErrors,
): string {
  let bound = path;
  for (const [i, param] of pathParams.entries()) {
    const value = args[i];
    if (value === undefined || isOptionsObject(value)) {
      throw errors.misplaced(`missing the path parameter "${param.snake}"`);
    }
    const encoded = encodePathParam(errors.where, param.snake, value);
    // A function, so `$&` or `$1` in a value stays text.
    bound = bound.replace(`{${param.name}}`, () => encoded);
  }
  return bound;
}
