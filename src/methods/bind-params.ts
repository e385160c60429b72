import type { OperationDetail, Param } from "../description/operation-detail.js";
import { argumentError, isOptionsObject } from "./argument-error.js";
import type { CallErrors } from "./call-errors.js";

/** The named params of a call, each matched to its parameter. */
export interface NamedParams {
  /** In the order given; a value may be undefined (then it is left out). */
  readonly given: ReadonlyMap<Param, unknown>;
  /** `iterator: true` on a paginated list. */
  readonly iterator: boolean;
}

/** The argument after the path parameters must be a params object, if given. */
export function checkParamsObject(
  params: unknown,
  errors: CallErrors,
): asserts params is Record<string, unknown> | undefined {
  if (params !== undefined && !isOptionsObject(params)) {
    // The signature that follows shows how many path parameters come first.
    const got = Array.isArray(params) ? "an array" : typeof params;
    throw errors.misplaced(`expected a params object, got ${got}`);
  }
}

/** Matches each name of a params object (snake_case or the spec's) to its parameter. */
export function bindParams(
  detail: OperationDetail,
  params: Readonly<Record<string, unknown>> | undefined,
  errors: CallErrors,
): NamedParams {
  const given = new Map<Param, unknown>();
  let iterator = false;
  for (const [key, value] of Object.entries(params ?? {})) {
    if (key === "iterator" && detail.paginated) {
      iterator = value === true;
      // `iterator: "true"` or `1` read as false would return one page as if it were all.
      if (value != null && value !== iterator) {
        throw argumentError(errors.where, "iterator must be true or false");
      }
      continue;
    }
    const param = detail.byName.get(key);
    if (!param) throw errors.misnamed(`unknown parameter "${key}"`);
    if (given.has(param)) {
      throw argumentError(
        errors.where,
        `the parameter "${param.snake}" is given twice (as "${param.snake}" and "${param.name}")`,
      );
    }
    given.set(param, value);
  }
  return { given, iterator };
}
