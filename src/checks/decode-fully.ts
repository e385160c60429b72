/** Percent-decodes until nothing changes (at most 5 times): `%252e` is `.` to some servers. */
export function decodeFully(value: string): string {
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}
