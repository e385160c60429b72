import type { Response as CivisResponse } from "./core.js";

/**
 * A generated client method, as civis/io calls it: `(...pathParams, params?, init?)`. Its
 * answer is a `Response`, or the parsed body for a `returnType: "json"` client (see `field`).
 */
export type ApiMethod = (...args: unknown[]) => Promise<CivisResponse>;

/** The client, as civis/io uses it: resources of methods, and the client helpers. */
export interface IoClient {
  readonly [resource: string]: unknown;
}

/** A method of the client, or a clear error when the client's spec has no such operation. */
export function apiMethod(client: IoClient, resource: string, method: string): ApiMethod {
  const found = (client[resource] as Record<string, unknown> | undefined)?.[method];
  if (typeof found !== "function") {
    throw new TypeError(
      `civis/io needs client.${resource}.${method}, which this client's API spec lacks`,
    );
  }
  return found as ApiMethod;
}

interface ResponseLike {
  get(key: string): unknown;
  readonly json_data: unknown;
}

const isResponse = (value: unknown): value is ResponseLike =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as ResponseLike).get === "function" &&
  "json_data" in value;

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * A field of an API answer by its snake_case name, whatever the client's `returnType`:
 * a `Response` (`"snake"`) or the parsed body (`"json"`, the API's camelCase keys).
 */
export function field(answer: unknown, name: string): unknown {
  if (isResponse(answer)) return answer.get(name);
  // Before the plain-object read: a fetch Response is an object too, and read as one its
  // fields are missing, which said "answered without a numeric id" instead of this.
  if (typeof Response !== "undefined" && answer instanceof Response) {
    throw new TypeError('civis/io needs a client whose returnType is "snake" or "json", not "raw"');
  }
  if (typeof answer === "object" && answer !== null) {
    const record = answer as Record<string, unknown>;
    return Object.hasOwn(record, name) ? record[name] : record[camel(name)];
  }
  return undefined;
}

/** A nested object exactly as the API sent it (its keys unchanged). */
export function asSent(value: unknown): Record<string, unknown> {
  if (isResponse(value)) return (value.json_data ?? {}) as Record<string, unknown>;
  return (value ?? {}) as Record<string, unknown>;
}

/** A numeric id field, or a clear error naming the answer that lacked it. */
export function idField(answer: unknown, name: string, what: string): number {
  const value = field(answer, name);
  if (typeof value !== "number") throw new Error(`${what} answered without a numeric ${name}`);
  return value;
}

/** The fetch the client was created with (see APIClient), for presigned storage URLs. */
export function clientFetch(client: IoClient, given?: typeof fetch): typeof fetch {
  if (given) return given;
  const own = (client as unknown as Record<symbol, unknown>)[Symbol.for("civis.fetch")];
  if (typeof own === "function") return own as typeof fetch;
  return globalThis.fetch.bind(globalThis);
}
