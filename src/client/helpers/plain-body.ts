/**
 * The body of an answer as the API sent it (camelCase keys), whatever the client's
 * `returnType`: a `Response` or `ListResponse` keeps it as `json_data`, `"json"` is the body
 * itself, and `"raw"` is a fetch `Response`, read from a clone so the caller's stays unread.
 */
export async function plainBody(answer: unknown): Promise<unknown> {
  const value = answer as { clone?: () => { json(): Promise<unknown> }; json_data?: unknown };
  if (typeof value?.clone === "function") return value.clone().json();
  return value?.json_data ?? value;
}

/** A field of a plain body, or undefined when the body is not an object. */
export function fieldOf(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null && Object.hasOwn(body, key)
    ? (body as Record<string, unknown>)[key]
    : undefined;
}
