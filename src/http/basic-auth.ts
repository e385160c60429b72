/** Base64 of UTF-8 bytes; `btoa` alone refuses characters above U+00FF. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `Authorization` value for an API key: Basic auth, the key as user name, empty password. */
export function basicAuth(apiKey: string): string {
  return `Basic ${base64(`${apiKey}:`)}`;
}
