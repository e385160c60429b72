import type { OperationDetail } from "../description/operation-detail.js";
import type { Operation } from "../description/types.js";
import { queryString } from "../http/query-string.js";
import { bodyBuilder } from "./bind-body.js";
import { headerBag } from "./bind-headers.js";
import { bindParams, checkParamsObject } from "./bind-params.js";
import { bindPath } from "./bind-path.js";
import { callErrors } from "./call-errors.js";
import { type CallInit, checkInit } from "./call-init.js";
import { checkRequired } from "./check-required.js";

/** A call's arguments, checked and sorted into the parts of a request. */
export interface BoundCall {
  /** The encoded path, without the query. */
  readonly path: string;
  readonly query: ReadonlyArray<readonly [string, unknown]>;
  /** The JSON text of the body, or undefined when the call sends none. */
  readonly body: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly init: CallInit | undefined;
  readonly iterator: boolean;
}

/**
 * `(...pathParams, params?, init?)` -> path, query, body and headers; every check
 * happens here, before any request, in this order: the count, the path, the params
 * object, `init`, the params' names, the required ones, then each value as it is placed.
 */
export function bindArguments(
  op: Operation,
  detail: OperationDetail,
  args: readonly unknown[],
): BoundCall {
  const errors = callErrors(op, detail);
  const pathCount = detail.pathParams.length;
  if (args.length > pathCount + 2) throw errors.misplaced(`too many arguments (${args.length})`);
  const path = bindPath(op.path, detail.pathParams, args, errors);
  const params = args[pathCount];
  checkParamsObject(params, errors);
  const init = checkInit(errors.where, args[pathCount + 1]);
  const { given, iterator } = bindParams(detail, params, errors);
  checkRequired(detail, given, errors);

  const query: [string, unknown][] = [];
  const headers = headerBag(errors.where);
  const body = bodyBuilder(detail);
  for (const [param, value] of given) {
    if (value === undefined) continue;
    if (param.in === "query") query.push([param.name, value]);
    else if (param.in === "header") headers.set(param.name, value);
    else body.add(param, value);
  }
  for (const [name, value] of Object.entries(init?.headers ?? {})) headers.set(name, value);
  return { path, query, body: body.json(), headers: headers.headers, init, iterator };
}

/** Path and query of a bound call; `pageNum` replaces any `page_num` the caller gave. */
export function target(call: BoundCall, pageNum?: number): string {
  if (pageNum === undefined) return call.path + queryString(call.query);
  const query = call.query.filter(([name]) => name !== "page_num");
  query.push(["page_num", pageNum]);
  return call.path + queryString(query);
}
