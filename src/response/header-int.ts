/** An integer header such as `X-RateLimit-Remaining`, or null when absent or not an integer. */
export function headerInt(headers: Headers | null, name: string): number | null {
  const value = headers?.get(name);
  if (value === null || value === undefined || !/^\s*-?\d+\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}
