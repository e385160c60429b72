import { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import { checkHeaderValue } from "../errors/header-value-error.js";
import { type ResolvedRetryPolicy, resolveRetryPolicy } from "../http/retry-policy.js";
import type { Transport } from "../http/send.js";
import type { Platform } from "../platform/platform.js";
import type { ReturnType } from "../response/read-result.js";
import { withSlash } from "../spec/normalize.js";
import type { SpecStore } from "../spec/spec-store.js";
import type { ClientOptions } from "./client-options.js";
import { DEFAULTS } from "./defaults.js";

export interface ResolvedOptions {
  readonly apiKey: string | undefined;
  /** Undefined when neither the caller nor the environment named one: the spec's server or the default applies. */
  readonly baseUrl: string | undefined;
  readonly returnType: ReturnType;
  readonly apiVersion: string;
  readonly localApiSpec: object | string | undefined;
  readonly forceRefresh: boolean;
  readonly retry: ResolvedRetryPolicy;
  readonly userAgent: string;
  readonly fetch: typeof fetch;
  readonly specCache: "auto" | "memory" | false | SpecStore;
  readonly specCacheTtlMs: number;
}

/** camelCase name -> civis-python name. */
const ALIASES = {
  apiKey: "api_key",
  baseUrl: "base_url",
  returnType: "return_type",
  apiVersion: "api_version",
  localApiSpec: "local_api_spec",
  forceRefreshApiSpec: "force_refresh_api_spec",
  userAgent: "user_agent",
} as const;
const OTHERS = ["retries", "fetch", "specCache", "specCacheTtlMs"];
const STORE_VERBS = ["get", "set", "del"] as const;
const KNOWN = new Set<string>([...Object.keys(ALIASES), ...Object.values(ALIASES), ...OTHERS]);

function pick<K extends keyof typeof ALIASES>(options: ClientOptions, name: K): ClientOptions[K] {
  const alias = ALIASES[name];
  const a = options[name];
  const b = options[alias as keyof ClientOptions] as ClientOptions[K];
  if (a !== undefined && b !== undefined && a !== b) {
    throw new TypeError(`both "${name}" and "${alias}" are given with different values; give one`);
  }
  return a ?? b;
}

/** Refuses a value outside a short list, naming the list. */
function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    const list = allowed.map((v) => `"${v}"`).join(", ");
    throw new TypeError(`${name} must be one of ${list}, got "${String(value)}"`);
  }
  return value as T;
}

function checkUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl "${baseUrl}" is not an absolute URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`baseUrl must be http: or https:, got ${url.protocol}`);
  }
  if (url.username || url.password)
    throw new TypeError("baseUrl may not carry credentials; use apiKey");
  if (url.search || url.hash) throw new TypeError("baseUrl may not have a query or a fragment");
  return withSlash(url.href);
}

/** How a client with these options sends requests to `baseUrl`. */
export function transportOf(options: ResolvedOptions, baseUrl: string): Transport {
  return { fetch: options.fetch, baseUrl, retry: options.retry };
}

/** Every option, checked and defaulted, in one place. */
export function resolveOptions(
  options: ClientOptions | undefined,
  platform: Platform,
): ResolvedOptions {
  const given = options ?? {};
  if (typeof given !== "object" || given === null)
    throw new TypeError("APIClient options must be an object");
  for (const key of Object.keys(given)) {
    if (!KNOWN.has(key)) {
      throw new TypeError(`unknown APIClient option "${key}"; accepted: ${[...KNOWN].join(", ")}`);
    }
  }

  const apiVersion = oneOf("apiVersion", pick(given, "apiVersion") ?? DEFAULTS.apiVersion, [
    DEFAULTS.apiVersion,
  ]);
  const returnType = oneOf("returnType", pick(given, "returnType") ?? DEFAULTS.returnType, [
    "snake",
    "raw",
    "json",
  ]);
  const localApiSpec = pick(given, "localApiSpec");
  if (
    localApiSpec !== undefined &&
    typeof localApiSpec !== "string" &&
    (typeof localApiSpec !== "object" || localApiSpec === null)
  ) {
    throw new TypeError(
      "localApiSpec must be a spec object or a string (a file path on Node, a URL in the browser)",
    );
  }
  const forceRefresh = pick(given, "forceRefreshApiSpec") ?? false;
  if (forceRefresh && localApiSpec !== undefined) {
    throw new TypeError(
      "localApiSpec and forceRefreshApiSpec cannot be used together: a local spec is never downloaded",
    );
  }

  const apiKey = pick(given, "apiKey") ?? platform.env("CIVIS_API_KEY");
  if (apiKey !== undefined) {
    if (typeof apiKey !== "string" || apiKey === "")
      throw new CivisAPIKeyError("apiKey must be a non-empty string");
    checkHeaderValue("The API key", apiKey, CivisAPIKeyError);
  } else if (platform.name === "node") {
    throw new CivisAPIKeyError(
      "No API key: pass { apiKey } or set the CIVIS_API_KEY environment variable",
    );
  }

  const userAgent = pick(given, "userAgent") ?? DEFAULTS.userAgent;
  if (typeof userAgent !== "string") throw new TypeError("userAgent must be a string");
  checkHeaderValue("userAgent", userAgent);

  const explicitUrl = pick(given, "baseUrl") ?? platform.env("CIVIS_API_ENDPOINT");
  const fetchImpl = given.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function")
    throw new TypeError("fetch must be a function; this platform has no global fetch");

  const specCache = given.specCache ?? "auto";
  const isStore =
    typeof specCache === "object" &&
    STORE_VERBS.every((verb) => typeof specCache[verb] === "function");
  if (specCache !== "auto" && specCache !== "memory" && specCache !== false && !isStore) {
    throw new TypeError('specCache must be "auto", "memory", false, or a store { get, set, del }');
  }
  const ttl =
    given.specCacheTtlMs ??
    (platform.isRepl() ? DEFAULTS.replSpecCacheTtlMs : DEFAULTS.specCacheTtlMs);
  if (typeof ttl !== "number" || !(ttl >= 0))
    throw new TypeError("specCacheTtlMs must be a number of ms, 0 or more");

  return {
    apiKey,
    baseUrl: explicitUrl === undefined ? undefined : checkUrl(explicitUrl),
    returnType,
    apiVersion,
    localApiSpec,
    forceRefresh,
    retry: resolveRetryPolicy(given.retries),
    userAgent,
    fetch: fetchImpl,
    specCache,
    specCacheTtlMs: ttl,
  };
}
