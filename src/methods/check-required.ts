import type { OperationDetail, Param } from "../description/operation-detail.js";
import type { CallErrors } from "./call-errors.js";

/** Every required parameter must be given a value (undefined counts as not given). */
export function checkRequired(
  detail: OperationDetail,
  given: ReadonlyMap<Param, unknown>,
  errors: CallErrors,
): void {
  const missing = detail.params.filter((p) => p.required && given.get(p) === undefined);
  if (missing.length > 0) {
    throw errors.misnamed(
      `missing required parameter(s) ${missing.map((p) => `"${p.snake}"`).join(", ")}`,
    );
  }
}
