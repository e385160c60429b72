/**
 * Names that would shadow a built-in member, make the client thenable, or touch a
 * prototype if used as an own property. Such a resource is reachable under the
 * name with a trailing `_` (`client.constructor_`), as the README documents.
 */
const RESERVED = /* @__PURE__ */ reservedNames();

// A function marked pure, so a bundler drops it with RESERVED: the spread's call would
// otherwise count as a side effect of importing (issue 15).
function reservedNames(): Set<string> {
  return new Set<string>([
    ...Object.getOwnPropertyNames(Object.prototype),
    "then",
    "catch",
    "finally",
    "prototype",
    "last_response",
    "help",
  ]);
}

/**
 * The member names of one object (a client's resources, a resource's methods),
 * handed out in order. Two wanted names that collide: later ones get `_2`, `_3`...
 * so every operation stays reachable. Each base name remembers its next number,
 * so n collisions cost O(n), not O(n²).
 */
export class MemberNames {
  readonly #taken: Set<string>;
  readonly #next = new Map<string, number>();

  /** `taken`: the set that records the names handed out (a test may watch it). */
  constructor(taken: Set<string> = new Set()) {
    this.#taken = taken;
  }

  /** `wanted` made safe (a reserved name gets a trailing `_`), numbered when already taken. */
  claim(wanted: string): string {
    const base = RESERVED.has(wanted) ? `${wanted}_` : wanted;
    let name = base;
    if (this.#taken.has(name)) {
      let n = this.#next.get(base) ?? 2;
      do name = `${base}_${n++}`;
      while (this.#taken.has(name));
      this.#next.set(base, n);
    }
    this.#taken.add(name);
    return name;
  }

  /** Takes `name` as it is, only when it is free and safe: an alias never displaces a name. */
  claimExact(name: string): boolean {
    if (RESERVED.has(name) || this.#taken.has(name)) return false;
    this.#taken.add(name);
    return true;
  }
}
