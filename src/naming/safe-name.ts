/**
 * Names that would shadow a built-in member, make the client thenable, or touch a
 * prototype if used as an own property. Such a resource is reachable under the
 * name with a trailing `_` (`client.constructor_`), as the README documents.
 */
const RESERVED = new Set<string>([
  ...Object.getOwnPropertyNames(Object.prototype),
  "then",
  "catch",
  "finally",
  "prototype",
  "last_response",
  "help",
]);

export function safeMemberName(name: string, taken: (candidate: string) => boolean): string {
  const base = RESERVED.has(name) ? `${name}_` : name;
  // Two operations (or resources) that map to one name: later ones get `_2`, `_3`...
  // in spec order, so every operation stays reachable.
  let candidate = base;
  for (let n = 2; taken(candidate); n++) candidate = `${base}_${n}`;
  return candidate;
}
