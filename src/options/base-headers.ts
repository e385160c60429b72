import { basicAuth } from "../http/basic-auth.js";
import type { Platform } from "../platform/platform.js";
import type { ResolvedOptions } from "./resolve-options.js";

/** The headers of every request a client sends. */
export function baseHeaders(
  { apiKey, userAgent }: ResolvedOptions,
  platform: Platform,
): Record<string, string> {
  return {
    Accept: "application/json",
    ...(apiKey !== undefined && { Authorization: basicAuth(apiKey) }),
    ...platform.headers(userAgent),
  };
}
