import type { SpecStore } from "../cache/spec-store.js";
import {
  checkFields,
  isFunction,
  MS,
  type Rule,
  type Rules,
  SIGNAL,
  TIMEOUT,
} from "../checks/check-fields.js";
import { withSlash } from "../description/normalize.js";
import { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import { checkHeaderValue } from "../errors/header-value-error.js";
import type { Interceptors } from "../http/attempt-watch.js";
import { isLogger } from "../http/logger.js";
import type { ResolvedRetryPolicy } from "../http/retry-policy.js";
import type { Transport } from "../http/send.js";
import { camelToSnake } from "../naming/camel-to-snake.js";
import type { Platform } from "../platform/platform.js";
import type { ResponseMode } from "../response/read-result.js";
import type { ClientOptions } from "./client-options.js";
import { DEFAULTS } from "./defaults.js";
import { resolveInterceptors } from "./resolve-interceptors.js";
import { resolveRetryPolicy } from "./resolve-retry-policy.js";

export interface ResolvedOptions {
  /** A string key; undefined when there is none or it is a function (in `interceptors`). */
  readonly apiKey: string | undefined;
  /** What keys the spec cache in place of a key function. */
  readonly cacheKey: string | undefined;
  readonly interceptors: Interceptors | undefined;
  /** Undefined when neither the caller nor the environment named one: the spec's server or the default applies. */
  readonly baseUrl: string | undefined;
  readonly returnType: ResponseMode;
  readonly apiVersion: string;
  readonly localApiSpec: object | string | undefined;
  readonly forceRefresh: boolean;
  readonly retry: ResolvedRetryPolicy;
  readonly userAgent: string;
  readonly fetch: typeof fetch;
  readonly specCache: "auto" | "memory" | false | SpecStore;
  readonly specCacheTtlMs: number;
  readonly signal: AbortSignal | undefined;
  readonly timeout: number | undefined;
  readonly allowInsecureHttp: boolean;
}

/** The options civis-python has too: its name is the snake_case one (`api_key`). */
const ALIASED = [
  "apiKey",
  "baseUrl",
  "returnType",
  "apiVersion",
  "localApiSpec",
  "forceRefreshApiSpec",
  "userAgent",
] as const;
type Aliased = (typeof ALIASED)[number];
const aliasOf = (name: Aliased) => camelToSnake(name) as keyof ClientOptions;

const isString = (value: unknown): boolean => typeof value === "string";
const STORE_VERBS = ["get", "set", "del"] as const;
const isStore = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  STORE_VERBS.every((verb) => isFunction((value as Record<string, unknown>)[verb]));

/** Adds civis-python's spelling of each aliased option, under the same rule. */
function withAliases(rules: Record<string, Rule | undefined>): Rules {
  for (const name of ALIASED) rules[aliasOf(name)] = rules[name];
  return rules;
}

/**
 * What each option must be. The API key, the base URL and the retry policy are
 * checked as they are read, with their own errors.
 */
const RULES: Rules = /* @__PURE__ */ optionRules();

// Built in a function marked pure, with no arguments: a bundler drops an unused pure call
// only when its arguments are free of side effects too, and this table's are not provably so.
function optionRules(): Rules {
  return withAliases({
    apiKey: undefined,
    baseUrl: undefined,
    returnType: [
      (value) => ["snake", "raw", "json"].includes(value as string),
      'one of "snake", "raw", "json"',
    ],
    apiVersion: [(value) => value === DEFAULTS.apiVersion, `"${DEFAULTS.apiVersion}"`],
    localApiSpec: [
      (value) => isString(value) || (typeof value === "object" && value !== null),
      "a spec object or a string (a file path on Node, a URL in the browser)",
    ],
    forceRefreshApiSpec: undefined,
    userAgent: [isString, "a string"],
    retries: undefined,
    fetch: [isFunction, "a function"],
    specCache: [
      (value) => value === "auto" || value === "memory" || value === false || isStore(value),
      '"auto", "memory", false, or a store { get, set, del }',
    ],
    specCacheTtlMs: MS,
    allowInsecureHttp: [(value) => typeof value === "boolean", "true or false"],
    signal: SIGNAL,
    timeout: TIMEOUT,
    cacheKey: [isString, "a string"],
    hooks: undefined,
    logger: [isLogger, "an object of functions { debug, info, warn, error }"],
    maxConcurrent: [
      (value) => Number.isInteger(value) && (value as number) >= 1,
      "a positive integer",
    ],
    rateLimit: [(value) => value === "pause" || value === false, '"pause" or false'],
    credentials: [
      (value) => /^(include|same-origin|omit)$/.test(value as string),
      '"include", "same-origin" or "omit"',
    ],
  });
}

function pick<K extends Aliased>(options: ClientOptions, name: K): ClientOptions[K] {
  const alias = aliasOf(name);
  const a = options[name];
  const b = options[alias] as ClientOptions[K];
  if (a !== undefined && b !== undefined && a !== b) {
    throw new TypeError(`both "${name}" and "${alias}" are given with different values; give one`);
  }
  return a ?? b;
}

/** The base URL with a trailing slash; anything but a plain http(s) URL is refused. */
function checkUrl(baseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // Not an absolute URL: refused below.
  }
  // Credentials, a query or a fragment would show in href beyond origin and path.
  if (!url || !/^https?:$/.test(url.protocol) || url.href !== url.origin + url.pathname) {
    throw new TypeError(
      "baseUrl must be an absolute http: or https: URL without credentials, query or fragment",
    );
  }
  return withSlash(url.href);
}

/** `localhost`, `127.0.0.0/8` or `[::1]`, as the URL parser writes them. */
const LOOPBACK = /^http:\/\/(localhost|127(\.\d+){3}|\[::1\])[:/]/;

/**
 * How a client with these options sends requests to `baseUrl`. The key goes
 * only over https:, or http: to this machine, unless the user allows it.
 */
export function transportOf(options: ResolvedOptions, baseUrl: string): Transport {
  if (
    (options.apiKey !== undefined || options.interceptors?.authorization) &&
    !options.allowInsecureHttp &&
    baseUrl.startsWith("http:") &&
    !LOOPBACK.test(baseUrl)
  ) {
    throw new TypeError(
      `refused to send the API key over plain http: to ${new URL(baseUrl).host}; use https:, or pass allowInsecureHttp: true`,
    );
  }
  return {
    fetch: options.fetch,
    baseUrl,
    retry: options.retry,
    interceptors: options.interceptors,
  };
}

/** Node >= 20 and today's browsers have one; a Node started with `--no-experimental-fetch` does not. */
function globalFetch(): typeof fetch {
  if (typeof globalThis.fetch !== "function") {
    throw new TypeError("this platform has no global fetch: pass one as { fetch }");
  }
  return globalThis.fetch;
}

/** Every option, checked and defaulted, in one place. */
export function resolveOptions(
  options: ClientOptions | undefined,
  platform: Platform,
): ResolvedOptions {
  const given = options ?? {};
  if (typeof given !== "object" || given === null)
    throw new TypeError("APIClient options must be an object");
  checkFields(given, RULES);

  const localApiSpec = pick(given, "localApiSpec");
  const forceRefresh = pick(given, "forceRefreshApiSpec") ?? false;
  if (forceRefresh && localApiSpec !== undefined) {
    throw new TypeError(
      "localApiSpec and forceRefreshApiSpec cannot be used together: a local spec is never downloaded",
    );
  }

  const givenKey = pick(given, "apiKey");
  const keySource = typeof givenKey === "function" ? givenKey : undefined;
  if (
    keySource &&
    typeof given.cacheKey !== "string" &&
    localApiSpec === undefined &&
    given.specCache !== false
  ) {
    throw new TypeError(
      "an apiKey function needs cacheKey, a string (a user id, say) to key the spec cache",
    );
  }
  const apiKey = keySource ? undefined : (givenKey ?? platform.env("CIVIS_API_KEY"));
  if (apiKey !== undefined) {
    if (typeof apiKey !== "string" || apiKey === "")
      throw new CivisAPIKeyError("apiKey must be a non-empty string");
    checkHeaderValue("The API key", apiKey, CivisAPIKeyError, false);
  } else if (platform.name === "node" && !keySource) {
    throw new CivisAPIKeyError(
      "No API key: pass { apiKey } or set the CIVIS_API_KEY environment variable",
    );
  }

  const userAgent = pick(given, "userAgent") ?? DEFAULTS.userAgent;
  checkHeaderValue("userAgent", userAgent);
  const explicitUrl = pick(given, "baseUrl") ?? platform.env("CIVIS_API_ENDPOINT");
  const retry = resolveRetryPolicy(given.retries);
  const fetchImpl = given.fetch ?? globalFetch();
  const { credentials } = given;

  return {
    apiKey,
    cacheKey: keySource ? given.cacheKey : undefined,
    interceptors: resolveInterceptors(given, keySource, retry, platform),
    baseUrl: explicitUrl === undefined ? undefined : checkUrl(explicitUrl),
    returnType: pick(given, "returnType") ?? DEFAULTS.returnType,
    apiVersion: pick(given, "apiVersion") ?? DEFAULTS.apiVersion,
    localApiSpec,
    forceRefresh,
    retry,
    userAgent,
    fetch: credentials ? (input, init) => fetchImpl(input, { ...init, credentials }) : fetchImpl,
    specCache: given.specCache ?? DEFAULTS.specCache,
    specCacheTtlMs:
      given.specCacheTtlMs ??
      (platform.isRepl() ? DEFAULTS.replSpecCacheTtlMs : DEFAULTS.specCacheTtlMs),
    signal: given.signal,
    timeout: given.timeout,
    allowInsecureHttp: given.allowInsecureHttp === true,
  };
}
