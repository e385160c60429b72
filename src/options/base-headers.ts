import type { Platform } from "../platform/platform.js";
import type { ResolvedOptions } from "./resolve-options.js";

/** Base64 of UTF-8 bytes; `btoa` alone refuses characters above U+00FF. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The headers of every request a client sends. */
export function baseHeaders(
  { apiKey, userAgent }: ResolvedOptions,
  platform: Platform,
): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (apiKey !== undefined) headers.Authorization = `Basic ${base64(`${apiKey}:`)}`;
  return { ...headers, ...platform.headers(userAgent) };
}
