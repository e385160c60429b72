import type { OperationDetail, Param } from "../description/operation-detail.js";
import type { Operation } from "../description/types.js";
import { checkHeaderName, checkHeaderValue } from "../errors/header-value-error.js";
import { encodePathParam } from "../http/encode-path.js";
import { queryString } from "../http/query-string.js";
import { argumentError, isOptionsObject } from "./argument-error.js";
import { toSpecKeys } from "./body-keys.js";
import { type CallInit, checkInit } from "./call-init.js";
import { signature } from "./signature.js";

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
 * happens here, before any request.
 */
export function bindArguments(
  op: Operation,
  detail: OperationDetail,
  args: readonly unknown[],
): BoundCall {
  const where = `${op.resource}.${op.name}()`;
  // Positional mistakes are shown the method's signature, name mistakes its names.
  const misplaced = (problem: string) =>
    argumentError(
      where,
      `${problem}; call it as ${op.resource}.${signature(op, "params?", "init?")}`,
    );
  const misnamed = (problem: string) => {
    const names = detail.params.map((p) => p.snake);
    if (detail.paginated) names.push("iterator");
    return argumentError(where, `${problem}; accepted: ${names.join(", ") || "none"}`);
  };

  const pathCount = detail.pathParams.length;
  if (args.length > pathCount + 2) throw misplaced(`too many arguments (${args.length})`);
  let path = op.path;
  for (const [i, param] of detail.pathParams.entries()) {
    const value = args[i];
    if (value === undefined || isOptionsObject(value)) {
      throw misplaced(`missing the path parameter "${param.snake}"`);
    }
    const encoded = encodePathParam(where, param.snake, value);
    path = path.replace(`{${param.name}}`, () => encoded);
  }

  const params = args[pathCount];
  if (params !== undefined && !isOptionsObject(params)) {
    // The signature that follows shows how many path parameters come first.
    const got = Array.isArray(params) ? "an array" : typeof params;
    throw misplaced(`expected a params object, got ${got}`);
  }
  const init = checkInit(where, args[pathCount + 1]);

  const given = new Map<Param, unknown>();
  let iterator = false;
  for (const [key, value] of Object.entries(params ?? {})) {
    if (key === "iterator" && detail.paginated) {
      iterator = value === true;
      continue;
    }
    const param = detail.byName.get(key);
    if (!param) throw misnamed(`unknown parameter "${key}"`);
    if (given.has(param)) {
      throw argumentError(
        where,
        `the parameter "${param.snake}" is given twice (as "${param.snake}" and "${param.name}")`,
      );
    }
    given.set(param, value);
  }

  const missing = detail.params.filter((p) => p.required && given.get(p) === undefined);
  if (missing.length > 0) {
    throw misnamed(
      `missing required parameter(s) ${missing.map((p) => `"${p.snake}"`).join(", ")}`,
    );
  }

  const query: [string, unknown][] = [];
  const headers: Record<string, string> = {};
  const setHeader = (name: string, value: unknown) => {
    const text = String(value);
    checkHeaderName(where, name);
    checkHeaderValue(`${where}: the header "${name}"`, text);
    headers[name] = text;
  };
  // Entries, not assignments: a property named `__proto__` stays data (fromEntries defines it).
  const fields: [string, unknown][] = [];
  let whole: unknown;
  for (const [param, value] of given) {
    if (value === undefined) continue;
    if (param.in === "query") query.push([param.name, value]);
    else if (param.in === "header") setHeader(param.name, value);
    else if (param === detail.wholeBody) whole = toSpecKeys(value, param.schema);
    else fields.push([param.name, toSpecKeys(value, param.schema)]);
  }
  for (const [name, value] of Object.entries(init?.headers ?? {})) setHeader(name, value);
  const body = fields.length > 0 ? Object.fromEntries(fields) : whole;
  return {
    path,
    query,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers,
    init,
    iterator,
  };
}

/** Path and query of a bound call; `pageNum` replaces any `page_num` the caller gave. */
export function target(call: BoundCall, pageNum?: number): string {
  if (pageNum === undefined) return call.path + queryString(call.query);
  const query = call.query.filter(([name]) => name !== "page_num");
  query.push(["page_num", pageNum]);
  return call.path + queryString(query);
}
