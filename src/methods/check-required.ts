import type { OperationDetail, Param } from "../description/operation-detail.js";
import type { CallErrors } from "./call-errors.js";

/**
 * Every required parameter must be given a value: undefined counts as not given, and so does
 * null for a query parameter, which the query string leaves out (a body may carry null).
 */
export function checkRequired(
  detail: OperationDetail,
  given: ReadonlyMap<Param, unknown>,
  errors: CallErrors,
): void {
  const missing = detail.params.filter((p) => {
    const value = given.get(p);
    return p.required && (value === undefined || (value === null && p.in === "query"));
  });
  if (missing.length > 0) {
    throw errors.misnamed(
      `missing required parameter(s) ${missing.map((p) => `"${p.snake}"`).join(", ")}`,
    );
  }
}
