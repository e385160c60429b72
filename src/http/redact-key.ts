/**
 * Blanks out the API key in text a server sent (an error answer that echoes the
 * request): the `Basic ...` value, its Base64 (padded or not) and the key itself,
 * plain, JSON-escaped or percent-encoded. The key is read back from the request's
 * own Authorization header, so nothing else needs to hold it.
 */
export function redactKey(text: string, headers: Readonly<Record<string, string>>): string {
  const auth = headers.Authorization ?? "";
  if (!auth.startsWith("Basic ")) return text;
  const base64 = auth.slice(6);
  let key = "";
  try {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    key = new TextDecoder().decode(bytes).slice(0, -1);
  } catch {
    // Not Base64 (a header the caller set by hand): its other forms still go.
  }
  let out = text;
  // Shorter strings would blank out ordinary words; no real key is that short.
  for (const secret of [
    auth,
    base64,
    base64.replace(/=+$/, ""),
    key,
    JSON.stringify(key).slice(1, -1),
    encodeURIComponent(key),
  ]) {
    if (secret.length > 3) out = out.replaceAll(secret, "[redacted]");
  }
  return out;
}
