import { checkHeaderValue } from "../errors/header-value-error.js";
import { encodePathParam } from "../http/encode-path.js";
import { queryString } from "../http/query-string.js";
import type { OperationDetail, Param } from "../spec/operation-detail.js";
import type { RefResolver } from "../spec/refs.js";
import type { Operation } from "../spec/types.js";
import { toSpecKeys } from "./body-keys.js";
import { type CallInit, checkInit } from "./call-init.js";

/** A call's arguments, checked and sorted into the parts of a request. */
export interface BoundCall {
  /** The encoded path, without the query. */
  readonly path: string;
  readonly query: ReadonlyArray<readonly [string, unknown]>;
  readonly body: unknown;
  readonly hasBody: boolean;
  readonly headers: Readonly<Record<string, string>>;
  readonly init: CallInit | undefined;
  readonly iterator: boolean;
}

function isParamsObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function accepted(detail: OperationDetail, iterator: boolean): string {
  const names = detail.params.map((p) => p.snake);
  if (iterator) names.push("iterator");
  return names.length === 0 ? "none" : names.join(", ");
}

export function signature(op: Operation, detail: OperationDetail): string {
  const names = detail.pathParams.map((p) => p.snake);
  return `${op.resource}.${op.name}(${[...names, "params?", "init?"].join(", ")})`;
}

/**
 * `(...pathParams, params?, init?)` -> path, query, body and headers; every check
 * happens here, before any request.
 */
export function bindArguments(
  op: Operation,
  detail: OperationDetail,
  refs: RefResolver,
  args: readonly unknown[],
): BoundCall {
  const where = `${op.resource}.${op.name}()`;
  const pathCount = detail.pathParams.length;
  if (args.length > pathCount + 2) {
    throw new TypeError(
      `${where} takes ${pathCount} path parameter(s), then params and init, but got ${args.length} arguments; call it as ${signature(op, detail)}`,
    );
  }
  let path = op.path;
  for (let i = 0; i < pathCount; i++) {
    const param = detail.pathParams[i]!;
    const value = args[i];
    if (value === undefined || isParamsObject(value)) {
      throw new TypeError(
        `${where}: missing the path parameter "${param.snake}"; call it as ${signature(op, detail)}`,
      );
    }
    const encoded = encodePathParam(where, param.snake, value);
    path = path.replace(`{${param.name}}`, () => encoded);
  }

  const rawParams = args[pathCount];
  if (rawParams !== undefined && !isParamsObject(rawParams)) {
    throw new TypeError(
      `${where}: expected a params object after ${pathCount} path parameter(s), got ${Array.isArray(rawParams) ? "an array" : typeof rawParams}; call it as ${signature(op, detail)}`,
    );
  }
  const init = checkInit(where, args[pathCount + 1]);
  const params = rawParams ?? {};

  const query: [string, unknown][] = [];
  const headers: Record<string, string> = {};
  const given = new Map<Param, unknown>();
  let iterator = false;
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (key === "iterator" && detail.paginated) {
      iterator = value === true;
      continue;
    }
    const param = detail.byName.get(key);
    if (!param) {
      throw new TypeError(
        `${where}: unknown parameter "${key}"; accepted: ${accepted(detail, detail.paginated)}`,
      );
    }
    if (given.has(param)) {
      throw new TypeError(
        `${where}: the parameter "${param.snake}" is given twice (as "${param.snake}" and "${param.name}")`,
      );
    }
    given.set(param, value);
  }

  const missing = detail.params.filter((p) => p.required && given.get(p) === undefined);
  if (missing.length > 0) {
    const names = missing.map((p) => `"${p.snake}"`).join(", ");
    throw new TypeError(
      `${where}: missing required parameter(s) ${names}; accepted: ${accepted(detail, detail.paginated)}`,
    );
  }

  let body: Record<string, unknown> | unknown;
  let hasBody = false;
  for (const [param, value] of given) {
    if (value === undefined) continue;
    if (param.in === "query") query.push([param.name, value]);
    else if (param.in === "header") {
      const text = String(value);
      checkHeaderValue(`${where}: the header parameter "${param.name}"`, text);
      headers[param.name] = text;
    } else if (param === detail.wholeBody) {
      body = toSpecKeys(value, param.schema, refs);
      hasBody = true;
    } else {
      if (!hasBody) body = {};
      hasBody = true;
      Object.defineProperty(body, param.name, {
        value: toSpecKeys(value, param.schema, refs),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  if (init?.headers) {
    for (const [name, value] of Object.entries(init.headers)) {
      checkHeaderValue(`${where}: the header "${name}"`, String(value));
      checkHeaderValue(`${where}: a header name`, name);
      headers[name] = String(value);
    }
  }
  return { path, query, body, hasBody, headers, init, iterator };
}

/** Path and query of a bound call; `pageNum` replaces any `page_num` the caller gave. */
export function target(call: BoundCall, pageNum?: number): string {
  if (pageNum === undefined) return call.path + queryString(call.query);
  const query = call.query.filter(([name]) => name !== "page_num");
  query.push(["page_num", pageNum]);
  return call.path + queryString(query);
}
