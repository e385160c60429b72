import { flattenSchema } from "../description/operation-detail.js";
import type { Schema } from "../description/types.js";
import { camelToSnake } from "../naming/camel-to-snake.js";

/** Each properties object's snake_case names -> its own names, made on first use. */
const snakeIndex = new WeakMap<object, Map<string, string>>();

function propertyName(properties: Readonly<Record<string, Schema>>, key: string): string {
  if (Object.hasOwn(properties, key)) return key;
  let index = snakeIndex.get(properties);
  if (!index) {
    index = new Map(Object.keys(properties).map((name) => [camelToSnake(name), name]));
    snakeIndex.set(properties, index);
  }
  return index.get(key) ?? key;
}

/**
 * Renames snake_case keys to the spec's property names where the schema lists
 * them, nested objects and arrays included; keys it does not list (free-form
 * objects such as `arguments`) go as given.
 */
export function toSpecKeys(value: unknown, schema: Schema | undefined): unknown {
  if (value === null || typeof value !== "object") return value;
  const resolved = flattenSchema(schema);
  if (Array.isArray(value)) {
    const items = resolved?.items;
    return items ? value.map((item) => toSpecKeys(item, items)) : value;
  }
  const properties = resolved?.properties;
  if (!properties || value instanceof Date) return value;
  // Entries, not assignments: a key named `__proto__` stays data (fromEntries defines it).
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => {
      const name = propertyName(properties, key);
      return [name, toSpecKeys(item, properties[name])];
    }),
  );
}
