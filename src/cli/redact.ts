/**
 * Removes API keys, and the Base64 of their Basic auth form (padded or not), from text
 * the command line prints: a last guard, as no message of the client carries a key.
 */
export function redactor(apiKeys: readonly (string | undefined)[]): (text: string) => string {
  const secrets: string[] = [];
  for (const key of apiKeys) {
    // Shorter "keys" would blank out ordinary words; no real key is that short.
    if (key === undefined || key.length < 4) continue;
    const base64 = Buffer.from(`${key}:`, "utf8").toString("base64");
    // Padded first, then unpadded (as a server may echo it): the client's own errors
    // blank out both forms, and so does the command line.
    secrets.push(key, base64, base64.replace(/=+$/, ""));
  }
  return (text) => secrets.reduce((out, secret) => out.replaceAll(secret, "[redacted]"), text);
}
