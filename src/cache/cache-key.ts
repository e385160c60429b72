/**
 * The cache key: a SHA-256 digest of base URL + API key + API version, so the
 * key itself is never stored. Uses WebCrypto, present in browsers and Node >= 20.
 */
export async function specCacheKey(
  baseUrl: string,
  apiKey: string | undefined,
  apiVersion: string,
): Promise<string> {
  const bytes = new TextEncoder().encode(`${baseUrl}\n${apiKey ?? ""}\n${apiVersion}`);
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  let hex = "civis-spec:";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
