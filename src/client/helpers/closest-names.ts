/** Edit distance, case-insensitive: how far a name the API has is from the one asked for. */
function distance(a: string, b: string): number {
  b = b.toLowerCase();
  let row = [...Array(b.length + 1).keys()];
  for (const c of a.toLowerCase()) {
    const next = [(row[0] as number) + 1];
    for (let j = 0; j < b.length; j++) {
      next.push(
        Math.min(
          (row[j + 1] as number) + 1,
          (next[j] as number) + 1,
          (row[j] as number) + +(c !== b[j]),
        ),
      );
    }
    row = next;
  }
  return row[b.length] as number;
}

/**
 * The Error of a lookup that found nothing: what was looked for, and the three names the API
 * returned that are closest to it.
 */
export function notFound(what: string, names: readonly unknown[], wanted: unknown): Error {
  wanted = String(wanted);
  const near = [...new Set(names.map(String))]
    .sort((a, b) => distance(a, wanted as string) - distance(b, wanted as string))
    .slice(0, 3);
  return new Error(`${what} not found; closest names: ${near.join(", ") || "none"}`);
}
