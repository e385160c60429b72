import { checkFields, isFunction, type Rule, type Rules } from "../checks/check-fields.js";
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
  /**
   * The answer, in `onResponse` and `onResponseError`. Its body is already read (use the
   * call's result or `error`), except a 2xx body the caller reads itself (`returnType: "raw"`):
   * read that one only through `response.clone()`.
   */
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

const IS_HOOK: Rule = [
  (value) => [value].flat().every(isFunction),
  "a function or an array of functions",
];
const RULES: Rules = {
  onRequest: IS_HOOK,
  onRequestError: IS_HOOK,
  onResponse: IS_HOOK,
  onResponseError: IS_HOOK,
};

/** Checks hooks as given (`where`: `hooks` or `init.hooks`); a TypeError names the bad one. */
export function checkHooks(given: unknown, where: string): Hooks | undefined {
  if (given === undefined) return undefined;
  if (!isPlainObject(given)) throw new TypeError(`${where} must be an object`);
  checkFields(given, RULES, `${where}.`);
  return given as Hooks;
}
