import { SIGNAL, TIMEOUT } from "../checks/check-fields.js";
import { isPlainObject } from "../checks/is-plain-object.js";
import { checkHooks, type Hooks } from "../http/hooks.js";
import { argumentError, isOptionsObject } from "./argument-error.js";

/** Per-call options, the last argument of every method. */
export interface CallInit {
  /** Aborts the call, including any wait between retries and every page of an iterator. */
  readonly signal?: AbortSignal;
  /** Gives up on an attempt after this many ms. */
  readonly timeout?: number;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Hooks for this call's attempts, run after the client's (`onRequest`, `onRequestError`, `onResponse`, `onResponseError`). */
  readonly hooks?: Hooks;
}

/** Each init option: the test its value must pass, and what the message says it must be. */
const INIT_OPTIONS: Readonly<Record<string, readonly [(value: unknown) => boolean, string]>> = {
  signal: SIGNAL,
  timeout: TIMEOUT,
  headers: [isPlainObject, "an object of strings"],
  // Throws its own TypeError naming the hook: "init.hooks.onRequest must be a function ...".
  hooks: [(v) => !!checkHooks(v, "init.hooks"), ""],
};
const INIT_NAMES = /* @__PURE__ */ (() => Object.keys(INIT_OPTIONS).join(", "))();

export function checkInit(where: string, init: unknown): CallInit | undefined {
  if (init === undefined) return undefined;
  if (!isOptionsObject(init)) {
    throw argumentError(where, `the last argument (init) must be an object { ${INIT_NAMES} }`);
  }
  for (const [key, value] of Object.entries(init)) {
    const option = Object.hasOwn(INIT_OPTIONS, key) ? INIT_OPTIONS[key] : undefined;
    if (!option) {
      throw argumentError(where, `unknown init option "${key}"; accepted: ${INIT_NAMES}`);
    }
    if (value !== undefined && !option[0](value)) {
      throw argumentError(where, `init.${key} must be ${option[1]}`);
    }
  }
  return init as CallInit;
}
