/** Percent-decodes until nothing changes (at most 5 times): `%252e` is `.` to some servers. */
export function decodeFully(value: string): string {
  let current = value;
  for (let i = 0; i < 5; i++) {
    try {
      const next = decodeURIComponent(current);
      if (next === current) break;
      current = next;
    } catch {
      // Not decodable (a lone `%`): what there is so far is the answer.
      break;
    }
  }
  return current;
}
