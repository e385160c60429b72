import type { SpecStore } from "../cache/spec-store.js";
import type { Hooks } from "../http/hooks.js";
import type { Logger } from "../http/logger.js";
import type { RetryPolicy } from "../http/retry-policy.js";
import type { ResponseMode } from "../response/read-result.js";

/** Options of `APIClient.create()` and `new APIClient()`. civis-python's snake_case names are accepted too. */
export interface ClientOptions {
  /**
   * API key, sent as HTTP Basic auth (the key as user name, empty password).
   * Default on Node: `process.env.CIVIS_API_KEY`; in browsers: none (no Authorization header).
   * A function (`() => string | Promise<string>`) is called before each request, for
   * short-lived keys; what it throws is the call's error. It needs `cacheKey`.
   */
  apiKey?: ApiKey;
  /** civis-python spelling of `apiKey`. */
  api_key?: ApiKey;
  /**
   * With an `apiKey` function: a string that stands for whose key it is (a user id),
   * keying the spec cache in place of the key. Required then, unless the spec is
   * local or `specCache` is `false`.
   */
  cacheKey?: string;
  /**
   * API root. Default: `CIVIS_API_ENDPOINT` on Node; else the server a local spec
   * names; else `https://api.civisanalytics.com/`.
   */
  baseUrl?: string;
  /** civis-python spelling of `baseUrl`. */
  base_url?: string;
  /** `"snake"`: `Response` objects; `"raw"`: the fetch `Response`; `"json"`: the parsed body. Default `"snake"`. */
  returnType?: ResponseMode;
  /** civis-python spelling of `returnType`. */
  return_type?: ResponseMode;
  /** Only `"1.0"`. Default `"1.0"`. */
  apiVersion?: "1.0";
  /** civis-python spelling of `apiVersion`. */
  api_version?: "1.0";
  /** A spec object, or a string: a file path on Node, a URL in the browser. Default: download `GET {baseUrl}endpoints`. */
  localApiSpec?: object | string;
  /** civis-python spelling of `localApiSpec`. */
  local_api_spec?: object | string;
  /** Download the spec even if a cached one has not expired. Default `false`. Not with `localApiSpec`. */
  forceRefreshApiSpec?: boolean;
  /** civis-python spelling of `forceRefreshApiSpec`. */
  force_refresh_api_spec?: boolean;
  /** A retry policy, or `false` to send every request once. Default: 10 attempts or 600 s, random exponential backoff. */
  retries?: RetryPolicy | false;
  /** Node: sent as `User-Agent`, followed by ` (Node <version>; civis <version>)`. Default `"civis-js"`. */
  userAgent?: string;
  /** civis-python spelling of `userAgent`. */
  user_agent?: string;
  /** The fetch implementation to use. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * `"auto"`: IndexedDB + memory in browsers, memory on Node; `"memory"`; `false`; or a
   * store `{ get, set, del }` used instead. Default `"auto"`.
   */
  specCache?: "auto" | "memory" | false | SpecStore;
  /** How long a cached spec is used, in ms. Default: 15 minutes in a Node REPL, 24 hours otherwise. */
  specCacheTtlMs?: number;
  /**
   * Send the API key over plain `http:` to a host that is not loopback. Default `false`:
   * the key goes only over `https:`, or `http:` to `localhost`, `127.0.0.0/8` or `[::1]`.
   */
  allowInsecureHttp?: boolean;
  /** `APIClient.create()`: ends the spec download (and its retries). Default: none. */
  signal?: AbortSignal;
  /** `APIClient.create()`: gives up on an attempt of the spec download after this many ms. Default: none. */
  timeout?: number;
  /**
   * Functions called on every attempt: `{ onRequest, onRequestError, onResponse, onResponseError }`,
   * each a function or an array, awaited in order. `onRequest` may change
   * `context.request.headers` or return a `Response` to answer without the network.
   * A call's `init.hooks` run after these. Default: none.
   */
  hooks?: Hooks;
  /**
   * Console-shaped `{ debug, info, warn, error }` (`console` works): each request at
   * `debug`, retries at `info`, deprecations at `warn`. Default: none; on Node,
   * `CIVIS_LOG_LEVEL=debug|info|warn` logs to stderr.
   */
  logger?: Logger;
  /** At most this many requests in flight; the rest wait in order (abortable). A positive integer. Default: unlimited. */
  maxConcurrent?: number;
  /**
   * `"pause"`: a 429 with `Retry-After` holds this client's other new requests for that
   * time too; `false`: each request waits on its own. Default `"pause"`.
   */
  rateLimit?: "pause" | false;
  /**
   * Passed to fetch with the API's requests (not civis/io's presigned storage URLs):
   * `"include"` sends cookies (a cookie-authenticated app). Default: fetch's own.
   */
  credentials?: "include" | "same-origin" | "omit";
}

/** An API key, or a function that gives one for each request. */
export type ApiKey = string | (() => string | Promise<string>);
