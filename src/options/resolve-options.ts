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
import type { Platform } from "../platform/platform.js";
import type { ResponseMode } from "../response/read-result.js";
import type { ClientOptions } from "./client-options.js";
import { DEFAULTS } from "./defaults.js";
import { resolveInterceptors } from "./resolve-interceptors.js";
import { isCount, resolveRetryPolicy } from "./resolve-retry-policy.js";

/**
 * The options as given (checked; `signal`, `timeout` and `allowInsecureHttp` are read as they
 * are), with what the client resolved from them, under the names below, over them.
 */
export interface ResolvedOptions
  extends Readonly<
    Pick<ClientOptions, "signal" | "timeout" | "allowInsecureHttp" | "credentials">
  > {
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
}

/**
 * The options civis-python has too, with its spelling of each. Written out: deriving them
 * with camelToSnake ran its regexes cold inside every first build (bench/FINDINGS.md).
 */
const ALIASES = {
  apiKey: "api_key",
  baseUrl: "base_url",
  returnType: "return_type",
  apiVersion: "api_version",
  localApiSpec: "local_api_spec",
  forceRefreshApiSpec: "force_refresh_api_spec",
  userAgent: "user_agent",
} as const;
type Aliased = Pick<ClientOptions, keyof typeof ALIASES>;

const isString = (value: unknown): boolean => typeof value === "string";
const STRING: Rule = [isString, "a string"];
const isStore = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  ["get", "set", "del"].every((verb) => isFunction((value as Record<string, unknown>)[verb]));

/**
 * What each option must be. Built in a function marked pure, with no arguments: a bundler
 * drops an unused pure call only when its arguments are free of side effects too. Made at
 * load, not on first use: a first build then compiled and ran it too, measured slower.
 */
const RULES: Rules = /* @__PURE__ */ optionRules();

/**
 * What each option must be, civis-python's spellings under the same rule. The API key, the
 * base URL and the retry policy are checked as they are read, with their own errors.
 */
function optionRules(): Rules {
  const table: Record<string, Rule | undefined> = {
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
    userAgent: STRING,
    retries: undefined,
    fetch: [isFunction, "a function"],
    specCache: [
      (value) => ["auto", "memory", false].includes(value as string) || isStore(value),
      '"auto", "memory", false, or a store { get, set, del }',
    ],
    specCacheTtlMs: MS,
    allowInsecureHttp: [(value) => typeof value === "boolean", "true or false"],
    signal: SIGNAL,
    timeout: TIMEOUT,
    cacheKey: STRING,
    hooks: undefined,
    logger: [isLogger, "an object of functions { debug, info, warn, error }"],
    maxConcurrent: [isCount, "a positive integer"],
    rateLimit: [(value) => value === "pause" || value === false, '"pause" or false'],
    credentials: [
      (value) => /^(include|same-origin|omit)$/.test(value as string),
      '"include", "same-origin" or "omit"',
    ],
  };
  for (const [name, alias] of Object.entries(ALIASES)) table[alias] = table[name];
  return table;
}

/** Each aliased option under its own name, from either spelling; both, if they differ, is an error. */
function unaliased(given: ClientOptions): Aliased {
  const options: Record<string, unknown> = {};
  for (const [name, alias] of Object.entries(ALIASES) as [keyof Aliased, keyof ClientOptions][]) {
    const a = given[name];
    const b = given[alias];
    if (a !== undefined && b !== undefined && a !== b) {
      throw new TypeError(
        `both "${name}" and "${alias}" are given with different values; give one`,
      );
    }
    options[name] = a ?? b;
  }
  return options as Aliased;
}

/** The base URL with a trailing slash; anything but a plain http(s) URL is refused. */
export function checkUrl(baseUrl: string, what = "baseUrl"): string {
  let href = "";
  try {
    // Only href is read: the URL getters are slow the first time (a first build reads this).
    href = new URL(baseUrl).href;
  } catch {
    // Not an absolute URL: refused below.
  }
  // Credentials (an `@`), a query or a fragment (even empty: `?`, `#`) would show in href.
  if (!/^https?:\/\/[^/@]+\/[^?#]*$/.test(href)) {
    throw new TypeError(
      `${what} must be an absolute http: or https: URL without credentials, query or fragment`,
    );
  }
  return withSlash(href);
}

/** `localhost`, `127.0.0.0/8` or `[::1]`, as the URL parser writes them. */
export const LOOPBACK = /^http:\/\/(localhost|127(\.\d+){3}|\[::1\])[:/]/;

/**
 * How a client with these options sends requests to `baseUrl`. The key goes
 * only over https:, or http: to this machine, unless the user allows it.
 */
export function transportOf(options: ResolvedOptions, baseUrl: string): Transport {
  const { fetch, credentials, retry, interceptors } = options;
  if (
    (options.apiKey !== undefined || interceptors?.authorization) &&
    !options.allowInsecureHttp &&
    baseUrl.startsWith("http:") &&
    !LOOPBACK.test(baseUrl)
  ) {
    throw new TypeError(
      `refused to send the API key over plain http: to ${new URL(baseUrl).host}; use https:, or pass allowInsecureHttp: true`,
    );
  }
  return {
    // Only the API's requests: presigned storage URLs (civis/io, with the client's fetch) answer
    // `Access-Control-Allow-Origin: *`, which a browser refuses for a request with credentials.
    fetch: credentials ? (input, init) => fetch(input, { ...init, credentials }) : fetch,
    baseUrl,
    retry,
    interceptors,
  };
}

/** Every option, checked and defaulted, in one place. */
export function resolveOptions(
  options: ClientOptions | undefined,
  platform: Platform,
): ResolvedOptions {
  const given = options ?? {};
  if (typeof given !== "object") throw new TypeError("APIClient options must be an object");
  checkFields(given, RULES);
  const picked = unaliased(given);
  const { localApiSpec, apiKey: givenKey } = picked;
  const forceRefresh = picked.forceRefreshApiSpec ?? false;
  if (forceRefresh && localApiSpec !== undefined) {
    throw new TypeError(
      "localApiSpec and forceRefreshApiSpec cannot be used together: a local spec is never downloaded",
    );
  }

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

  const userAgent = picked.userAgent ?? DEFAULTS.userAgent;
  checkHeaderValue("userAgent", userAgent);
  const explicitUrl = picked.baseUrl ?? platform.env("CIVIS_API_ENDPOINT");
  const retry = resolveRetryPolicy(given.retries);
  const fetchImpl = given.fetch ?? globalThis.fetch;
  // Node >= 20 and today's browsers have one; a Node started with `--no-experimental-fetch` does not.
  if (typeof fetchImpl !== "function")
    throw new TypeError("this platform has no global fetch: pass one as { fetch }");

  return {
    ...given,
    apiKey,
    cacheKey: keySource && given.cacheKey,
    interceptors: resolveInterceptors(given, keySource, retry, platform),
    baseUrl: explicitUrl === undefined ? undefined : checkUrl(explicitUrl),
    returnType: picked.returnType ?? DEFAULTS.returnType,
    apiVersion: picked.apiVersion ?? DEFAULTS.apiVersion,
    localApiSpec,
    forceRefresh,
    retry,
    userAgent,
    fetch: fetchImpl,
    specCache: given.specCache ?? DEFAULTS.specCache,
    specCacheTtlMs:
      given.specCacheTtlMs ??
      (platform.isRepl() ? DEFAULTS.replSpecCacheTtlMs : DEFAULTS.specCacheTtlMs),
  };
}
