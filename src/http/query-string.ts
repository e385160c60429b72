function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** Civis query conventions: arrays as `name[]=a&name[]=b`; `undefined` left out. */
export function queryString(query: ReadonlyArray<readonly [string, unknown]>): string {
  const parts: string[] = [];
  for (const [name, value] of query) {
    const array = Array.isArray(value);
    const key = encodeURIComponent(name) + (array ? "%5B%5D" : "");
    for (const item of array ? value : [value]) {
      if (item !== undefined) parts.push(`${key}=${encodeURIComponent(scalar(item))}`);
    }
  }
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}
