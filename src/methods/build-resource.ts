import type { Operation } from "../description/types.js";
import { methodDoc } from "../docs/method-doc.js";
import type { PaginatedResponse } from "../response/paginated-response.js";
import { callOperation } from "./call-operation.js";
import type { ClientContext } from "./client-context.js";

/** A generated method: `(...pathParams, params?, init?)`. Carries its `help()` text as `doc`. */
export interface CivisMethod {
  // biome-ignore lint/suspicious/noExplicitAny: results are typed by a generated API type (typegen); loosely here.
  (...args: any[]): Promise<any> & Partial<PaginatedResponse>;
  /** The method's help text (built each time it is read). */
  readonly doc: string;
}

/** One resource of the API (`client.workflows`): its methods, one per operation. */
export class CivisResource {
  // biome-ignore lint/suspicious/noExplicitAny: see CivisMethod.
  readonly [method: string]: CivisMethod | any;
}

/** Which operation and model a method or resource was built from, for `help()`. */
export const methodOperations = new WeakMap<Function, { op: Operation; ctx: ClientContext }>();
export const resourceOperations = new WeakMap<
  object,
  { name: string; ops: readonly Operation[] }
>();

// Not enumerable, not configurable: the defaults of defineProperty.
const docDescriptor = {
  get(this: Function): string {
    const meta = methodOperations.get(this);
    return meta ? methodDoc(meta.ctx.model, meta.op) : "";
  },
};

function buildMethod(ctx: ClientContext, op: Operation): CivisMethod {
  const method = (...args: unknown[]) => callOperation(ctx, op, args);
  Object.defineProperties(method, { name: { value: op.name }, doc: docDescriptor });
  methodOperations.set(method, { op, ctx });
  return method as unknown as CivisMethod;
}

/** Builds one resource's methods; called the first time the client's property is read. */
export function buildResource(
  ctx: ClientContext,
  name: string,
  ops: readonly Operation[],
): CivisResource {
  const resource = new CivisResource();
  for (const op of ops) {
    const method = buildMethod(ctx, op);
    // An alias is the same function: same `.doc`, same `help()` entry.
    for (const name of [op.name, ...op.aliases]) {
      Object.defineProperty(resource, name, { value: method, enumerable: true });
    }
  }
  resourceOperations.set(resource, { name, ops });
  return Object.freeze(resource);
}
