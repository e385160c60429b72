import { isPlainObject } from "../checks/is-plain-object.js";
import type { RefResolver } from "./refs.js";
import type { Schema } from "./types.js";

/** The keys whose values are schemas (or lists or maps of them), resolved on first read. */
const CHILD = /^(properties|items|additionalProperties|not|(all|one|any)Of)$/;

/**
 * The spec's schemas with every `$ref` followed, as the model hands them out: a
 * `$ref` and the schema it points to are one object, so a named definition keeps
 * its identity wherever it is used, and a circular definition is a circular graph.
 * A schema's children are resolved on their first read (a large spec costs only
 * what is used, and no depth is walked at once), so nothing after normalization
 * reads the raw spec or follows a `$ref`.
 */
export class ResolvedSchemas {
  readonly #refs: RefResolver;
  readonly #resolved = new WeakMap<object, Schema>();

  constructor(refs: RefResolver) {
    this.#refs = refs;
  }

  /** A spec object (a parameter, a response) with its `$ref` chain followed; not a schema. */
  deref<T>(node: T): T {
    return this.#refs.deref(node);
  }

  /** The resolved form of a schema, or of a `$ref` to one; anything not an object is returned as is. */
  resolve(node: unknown): Schema {
    const target: unknown = this.deref(node);
    if (!isPlainObject(target)) return target as Schema;
    const known = this.#resolved.get(target);
    if (known) return known;
    const out: Record<string, unknown> = {};
    // Kept before any child is read: a schema that contains itself finds this object.
    this.#resolved.set(target, out as Schema);
    for (const key of Object.keys(target)) {
      if (key === "$ref") continue;
      const value = target[key];
      if (!CHILD.test(key) || value === null || typeof value !== "object") {
        put(out, key, value);
        continue;
      }
      let resolved: unknown;
      let done = false;
      // The accessor stays (the object keeps one shape); it resolves once, then answers from memory.
      Object.defineProperty(out, key, {
        enumerable: true,
        get: () => {
          if (!done) {
            resolved = this.#child(key, value);
            done = true;
          }
          return resolved;
        },
      });
    }
    return out as Schema;
  }

  /** A child of a schema: a map of schemas (`properties`), a list (`allOf`...), or one schema. */
  #child(key: string, raw: object): unknown {
    if (key === "properties") {
      if (!isPlainObject(raw)) return raw;
      const out: Record<string, unknown> = {};
      for (const name of Object.keys(raw)) put(out, name, this.resolve(raw[name]));
      return out;
    }
    if (key.endsWith("Of")) return Array.isArray(raw) ? raw.map((one) => this.resolve(one)) : raw;
    return this.resolve(raw);
  }
}

/** Sets a key as data, even `__proto__` (an assignment would set the prototype instead). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true });
  else target[key] = value;
}
