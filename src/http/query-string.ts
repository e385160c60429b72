function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** One `name=value` pair; `undefined` and `null` left out, as civis-python's requests drops None. */
function add(parts: string[], key: string, value: unknown): void {
  if (value != null) parts.push(`${key}=${encodeURIComponent(scalar(value))}`);
}

/** Civis query conventions: arrays as `name[]=a&name[]=b`; `undefined` and `null` left out. */
export function queryString(query: ReadonlyArray<readonly [string, unknown]>): string {
  const parts: string[] = [];
  for (const [name, value] of query) {
    const key = encodeURIComponent(name);
    if (Array.isArray(value)) {
      const listKey = `${key}%5B%5D`;
      for (const item of value) add(parts, listKey, item);
    } else {
      add(parts, key, value);
    }
  }
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}
