import { isPlainObject } from "../checks/is-plain-object.js";

/** What a hook sees of one attempt; one object per attempt, shared by its hooks. */
export interface HookContext {
  /** The method called, `resource.method`: `"workflows.list_executions"` (`"endpoints.list"` for the spec download). */
  readonly operation: string;
  /** The HTTP method, e.g. `"GET"`. */
  readonly method: string;
  /** Path and query, as errors show them: `/workflows/1/executions?limit=5`. */
  readonly path: string;
  /** The full URL requested. */
  readonly url: string;
  /** 1 for the first request, 2 for the first retry, and so on. */
  readonly attempt: number;
  /**
   * What is sent. `onRequest` may change `headers` (name to value); the API key
   * appears here only in the `Authorization` header.
   */
  readonly request: { headers: Record<string, string>; readonly body: string | undefined };
  /** The answer, in `onResponse` and `onResponseError`. */
  response?: globalThis.Response;
  /** `onRequestError`: the `CivisNetworkError`; `onResponseError`: the `CivisAPIError` the call rejects with if not retried. */
  error?: Error;
}

/** `onRequest`: may change `context.request.headers`, or return a `Response` to answer the call without the network. */
export type RequestHook = (
  context: HookContext,
  // biome-ignore lint/suspicious/noConfusingVoidType: an async hook that returns nothing is a Promise<void>.
) => void | globalThis.Response | Promise<void | globalThis.Response>;

/** `onRequestError`, `onResponse`, `onResponseError`. */
export type Hook = (context: HookContext) => void | Promise<void>;

/**
 * Functions called on every attempt (ofetch's interceptor names), each a function
 * or an array of them, awaited in order. What a hook throws reaches the caller as it is.
 */
export interface Hooks {
  /** Before each attempt is sent (after waiting for its turn). */
  readonly onRequest?: RequestHook | readonly RequestHook[];
  /** When an attempt got no answer (connection lost, timed out, aborted). */
  readonly onRequestError?: Hook | readonly Hook[];
  /** When an attempt got an answer, whatever its status. */
  readonly onResponse?: Hook | readonly Hook[];
  /** When an answer is not 2xx (after `onResponse`), with the error it makes. */
  readonly onResponseError?: Hook | readonly Hook[];
}

/** Hooks as arrays, the client's first, then the call's. */
export interface HookLists {
  readonly onRequest: readonly RequestHook[];
  readonly onRequestError: readonly Hook[];
  readonly onResponse: readonly Hook[];
  readonly onResponseError: readonly Hook[];
}

const NAMES = ["onRequest", "onRequestError", "onResponse", "onResponseError"] as const;

/**
 * Checks hooks as given (`where` is `hooks` or `init.hooks`) and turns each into an
 * array; undefined when there are none.
 */
export function resolveHooks(given: unknown, where: string): HookLists | undefined {
  if (given === undefined) return undefined;
  if (!isPlainObject(given)) {
    throw new TypeError(`${where} must be an object { ${NAMES.join(", ")} }`);
  }
  const lists: Record<string, readonly unknown[]> = {};
  let count = 0;
  for (const [name, value] of Object.entries(given)) {
    if (!(NAMES as readonly string[]).includes(name)) {
      throw new TypeError(`unknown hook "${where}.${name}"; accepted: ${NAMES.join(", ")}`);
    }
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    list.forEach((fn, index) => {
      if (typeof fn !== "function") {
        const at = Array.isArray(value) ? `${where}.${name}[${index}]` : `${where}.${name}`;
        throw new TypeError(`${at} must be a function (or an array of functions)`);
      }
    });
    lists[name] = list;
    count += list.length;
  }
  if (count === 0) return undefined;
  return Object.fromEntries(NAMES.map((name) => [name, lists[name] ?? []])) as unknown as HookLists;
}

/** The client's hooks followed by one call's. */
export function mergeHooks(
  first: HookLists | undefined,
  then: HookLists | undefined,
): HookLists | undefined {
  if (!first || !then) return first ?? then;
  return Object.fromEntries(
    NAMES.map((name) => [name, [...first[name], ...then[name]]]),
  ) as unknown as HookLists;
}

/** A fetch `Response`, from this realm or another (a test's, a polyfill's). */
function isResponse(value: unknown): value is globalThis.Response {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as globalThis.Response).status === "number" &&
    typeof (value as globalThis.Response).headers?.get === "function"
  );
}

/** Runs `onRequest` hooks in order; the first that returns a `Response` answers the attempt. */
export async function runRequestHooks(
  hooks: readonly RequestHook[],
  context: HookContext,
): Promise<globalThis.Response | undefined> {
  for (const hook of hooks) {
    const answer = await hook(context);
    if (isResponse(answer)) return answer;
  }
  return undefined;
}

/** Runs hooks in order, each awaited. */
export async function runHooks(hooks: readonly Hook[], context: HookContext): Promise<void> {
  for (const hook of hooks) await hook(context);
}
