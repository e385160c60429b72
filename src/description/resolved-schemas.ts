import { isPlainObject } from "../checks/is-plain-object.js";
import type { RefResolver } from "./refs.js";
import type { Schema } from "./types.js";

type Child = (raw: unknown) => unknown;

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
  readonly #children: Readonly<Record<string, Child>>;

  constructor(refs: RefResolver) {
    this.#refs = refs;
    const one: Child = (raw) => this.resolve(raw);
    const list: Child = (raw) => (Array.isArray(raw) ? raw.map(one) : raw);
    const map: Child = (raw) => {
      if (!isPlainObject(raw)) return raw;
      const out: Record<string, unknown> = {};
      for (const name of Object.keys(raw)) put(out, name, one(raw[name]));
      return out;
    };
    this.#children = {
      properties: map,
      items: one,
      additionalProperties: one,
      not: one,
      allOf: list,
      oneOf: list,
      anyOf: list,
    };
  }

  /** A spec object (a parameter, a response) with its `$ref` chain followed; not a schema. */
  deref<T>(node: T): T {
    return this.#refs.deref(node);
  }

  /** The resolved form of a schema, or of a `$ref` to one; anything not an object is returned as is. */
  resolve(node: unknown): Schema {
    const target: unknown = this.#refs.deref(node);
    if (!isPlainObject(target)) return target as Schema;
    const known = this.#resolved.get(target);
    if (known) return known;
    const out: Record<string, unknown> = {};
    // Kept before any child is read: a schema that contains itself finds this object.
    this.#resolved.set(target, out as Schema);
    for (const key of Object.keys(target)) {
      if (key === "$ref") continue;
      const value = target[key];
      const child = Object.hasOwn(this.#children, key) ? this.#children[key] : undefined;
      if (child === undefined || value === null || typeof value !== "object") {
        put(out, key, value);
        continue;
      }
      let resolved: unknown;
      let done = false;
      // The accessor stays (the object keeps one shape); it resolves once, then answers from memory.
      Object.defineProperty(out, key, {
        enumerable: true,
        get() {
          if (!done) {
            resolved = child(value);
            done = true;
          }
          return resolved;
        },
      });
    }
    return out as Schema;
  }
}

/** Sets a key as data, even `__proto__` (an assignment would set the prototype instead). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true });
  else target[key] = value;
}
