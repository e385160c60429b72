/** Spec text, or "" where the spec gives none (or something that is not text, such as null). */
export function specText(value: unknown): string {
  return typeof value === "string" ? value : "";
}
