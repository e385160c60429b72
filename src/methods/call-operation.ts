import { type OperationDetail, operationDetail } from "../description/operation-detail.js";
import type { Operation } from "../description/types.js";
import type { RequestSpec } from "../http/request-spec.js";
import { send } from "../http/send.js";
import { headerInt } from "../response/header-int.js";
import type { ListResponse } from "../response/list-response.js";
import { type Page, PaginatedResponse } from "../response/paginated-response.js";
import { bodyError, readJson, toSnakeResult } from "../response/read-result.js";
import { isOptionsObject } from "./argument-error.js";
import { type BoundCall, bindArguments, target } from "./bind-arguments.js";
import type { ClientContext } from "./client-context.js";

const warned = new WeakSet<Operation>();

function requestOf(
  ctx: ClientContext,
  op: Operation,
  call: BoundCall,
  pageNum?: number,
): RequestSpec {
  const method = op.verb.toUpperCase();
  const operation = `${op.resource}.${op.name}`;
  // fetch refuses such a request; refused here, it is not retried as a lost connection.
  if (call.body !== undefined && (method === "GET" || method === "HEAD")) {
    throw new TypeError(`${operation}(): a ${method} request cannot carry a body`);
  }
  return {
    method,
    target: target(call, pageNum),
    headers: {
      ...ctx.headers,
      ...(call.body !== undefined && { "Content-Type": "application/json" }),
      ...call.headers,
    },
    body: call.body,
    signal: call.init?.signal,
    timeout: call.init?.timeout,
    operation,
    hooks: call.init?.hooks,
  };
}

async function single(ctx: ClientContext, op: Operation, call: BoundCall): Promise<unknown> {
  const req = requestOf(ctx, op, call);
  const raw = ctx.returnType === "raw";
  // "raw" hands the body over unread: the caller's signal still reaches it.
  const { response, text, attempts } = await send(ctx.transport, req, raw);
  let result: unknown;
  if (raw) result = response;
  else {
    const body = readJson(response, text!, req, attempts);
    result = ctx.returnType === "json" ? body : toSnakeResult(body, response.headers);
  }
  ctx.setLastResponse(result);
  return result;
}

function paginate(ctx: ClientContext, op: Operation, call: BoundCall): PaginatedResponse {
  return new PaginatedResponse(async (pageNum): Promise<Page<unknown>> => {
    const req = requestOf(ctx, op, call, pageNum);
    const { response, text, attempts } = await send(ctx.transport, req);
    const data = readJson(response, text!, req, attempts);
    // Anything else would end the iteration early without a word.
    if (!Array.isArray(data)) {
      throw bodyError(response, req, `Page ${pageNum} of the list is not a JSON array`, attempts);
    }
    const total = headerInt(response.headers, "x-pagination-total-pages") ?? -1;
    const totalPages = total >= 0 ? total : undefined;
    // "json" and "raw" yield the plain items; "raw" keeps the fetch Response as last_response.
    const page =
      ctx.returnType === "snake" ? (toSnakeResult(data, response.headers) as ListResponse) : data;
    ctx.setLastResponse(ctx.returnType === "raw" ? response : page);
    return {
      items: page,
      // "snake" made a ListResponse of the items; the other modes yield them as they are.
      plain: () => (page === data ? data : (page as ListResponse).json()),
      totalPages,
    };
  });
}

/**
 * One call of a generated method: checks the arguments, then sends. A paginated
 * call with `iterator: true` returns a PaginatedResponse at once (and throws bad
 * arguments at once); every other call returns a promise.
 */
export function callOperation(
  ctx: ClientContext,
  op: Operation,
  args: readonly unknown[],
): Promise<unknown> | PaginatedResponse {
  if (op.deprecation !== undefined && !warned.has(op)) {
    warned.add(op);
    const text = `${op.resource}.${op.name}() (${op.verb.toUpperCase()} ${op.path}) is deprecated: ${op.deprecation}`;
    const logger = ctx.transport.interceptors?.logger;
    if (logger) logger.warn?.(text);
    else ctx.platform.warn(`civis: ${text}`);
  }
  let detail: OperationDetail | undefined;
  let call: BoundCall;
  try {
    detail = operationDetail(op);
    call = bindArguments(op, detail, args);
  } catch (error) {
    // Only a call that asked for an iterator gets its error at once: it has no promise.
    const params = args[op.pathParams.length];
    if (detail?.paginated && isOptionsObject(params) && params.iterator === true) throw error;
    return Promise.reject(error);
  }
  return call.iterator ? paginate(ctx, op, call) : single(ctx, op, call);
}
