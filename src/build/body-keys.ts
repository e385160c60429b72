import { camelToSnake } from "../naming/camel-to-snake.js";
import { flattenSchema } from "../spec/operation-detail.js";
import type { RefResolver } from "../spec/refs.js";
import type { Schema } from "../spec/types.js";

const snakeIndex = new WeakMap<Schema, Map<string, string>>();

function propertyName(schema: Schema, key: string): string {
  const props = schema.properties;
  if (!props || Object.hasOwn(props, key)) return key;
  let index = snakeIndex.get(schema);
  if (!index) {
    index = new Map(Object.keys(props).map((name) => [camelToSnake(name), name]));
    snakeIndex.set(schema, index);
  }
  return index.get(key) ?? key;
}

/**
 * Renames snake_case keys to the spec's property names where the schema lists
 * them, nested objects and arrays included; keys it does not list (free-form
 * objects such as `arguments`) go as given.
 */
export function toSpecKeys(value: unknown, schema: Schema | undefined, refs: RefResolver): unknown {
  if (schema === undefined || value === null || typeof value !== "object") return value;
  const resolved = flattenSchema(refs, schema);
  if (!resolved) return value;
  if (Array.isArray(value)) {
    const items = resolved.items;
    return items ? value.map((item) => toSpecKeys(item, items, refs)) : value;
  }
  if (!resolved.properties || value instanceof Date) return value;
  const properties = resolved.properties;
  // Entries, not assignments: a key named `__proto__` stays data (fromEntries defines it).
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => {
      const name = propertyName(resolved, key);
      return [name, toSpecKeys(item, properties[name], refs)];
    }),
  );
}
