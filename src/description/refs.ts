import { isPlainObject } from "../checks/is-plain-object.js";
import { SpecError } from "../errors/spec-error.js";

type Json = unknown;

/**
 * Resolves local `$ref`s (`#/definitions/X`) on demand, so a client for a large
 * spec pays only for the schemas it touches. Never follows a URL or a file.
 */
export class RefResolver {
  readonly #root: Json;
  readonly #cache = new Map<string, Json>();

  constructor(root: Json) {
    this.#root = root;
  }

  /** Follows `$ref` chains until a node without `$ref`; cycles of pure refs are an error. */
  deref<T>(node: T): T {
    let current: unknown = node;
    // Made at the first `$ref` only: most nodes have none, and this runs for each of them.
    let seen: Set<string> | undefined;
    while (isPlainObject(current) && typeof current.$ref === "string") {
      const ref = current.$ref;
      seen ??= new Set();
      if (seen.has(ref)) throw new SpecError(`the $ref "${ref}" refers to itself`);
      seen.add(ref);
      current = this.#lookup(ref);
    }
    return current as T;
  }

  #lookup(ref: string): Json {
    const cached = this.#cache.get(ref);
    if (cached !== undefined) return cached;
    if (!ref.startsWith("#/") && ref !== "#") {
      throw new SpecError(`only local $refs ("#/...") are followed; refused "${ref}"`);
    }
    let node: Json = this.#root;
    // `#` is the root itself; `#/a/b` walks down from it.
    for (const raw of ref.split("/").slice(1)) {
      // JSON Pointer escapes, after URI fragment decoding (RFC 6901).
      const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
      // Arrays are walked too: `#/paths/~1a/get/parameters/0`.
      if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) {
        throw new SpecError(`the $ref "${ref}" points to nothing in the spec`);
      }
      node = (node as Record<string, unknown>)[key];
    }
    this.#cache.set(ref, node);
    return node;
  }
}
