import { parseSpecText } from "../description/parse-spec-text.js";
import type { RetryPolicy } from "../http/retry-policy.js";
import { resolveOptions } from "../options/resolve-options.js";
import { platform } from "../platform/current.js";
import { downloadSpecText } from "./download-spec.js";

export interface GetApiSpecOptions {
  /** Only "1.0". */
  readonly apiVersion?: "1.0";
  readonly userAgent?: string;
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** A retry policy, or `false` to send the request once. Default: the client's default policy. */
  readonly retries?: RetryPolicy | false;
  /** Ends the download (and its retries). */
  readonly signal?: AbortSignal;
  /** Gives up on an attempt after this many ms. */
  readonly timeout?: number;
  /** Send the key over plain `http:` to a host that is not loopback. Default `false`. */
  readonly allowInsecureHttp?: boolean;
}

/** Downloads the API spec (`GET {baseUrl}endpoints`) and resolves to the parsed object. */
export async function getApiSpec(
  apiKey?: string,
  options: GetApiSpecOptions = {},
): Promise<Record<string, unknown>> {
  const resolved = resolveOptions(
    { ...options, ...(apiKey !== undefined && { apiKey }), specCache: false },
    platform,
  );
  return parseSpecText(await downloadSpecText(resolved)) as Record<string, unknown>;
}
