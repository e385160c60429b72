import { flattenSchema } from "../description/operation-detail.js";
import type { Schema } from "../description/types.js";
import { camelToSnake } from "../naming/camel-to-snake.js";
import { setData } from "../response/convert.js";

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
 * objects such as `arguments`) go as given. A loop over a stack, not recursion, so
 * no depth of value or schema overflows the call stack; each task replaces
 * `target[key]`, still the caller's value, with its renamed copy. A value met
 * twice is copied once, which also ends a cycle (JSON.stringify then refuses it).
 */
export function toSpecKeys(value: unknown, schema: Schema | undefined): unknown {
  const holder = [value];
  const copies = new Map<object, object>();
  const tasks: [target: object, key: string | number, schema: Schema | undefined][] = [
    [holder, 0, schema],
  ];
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    const [target, key, itemSchema] = task;
    const item = (target as Record<string | number, unknown>)[key];
    if (item === null || typeof item !== "object" || item instanceof Date) continue;
    const known = copies.get(item);
    if (known) {
      setData(target, key, known);
      continue;
    }
    const resolved = flattenSchema(itemSchema);
    const { items, properties } = resolved ?? {};
    let copy: object;
    if (Array.isArray(item)) {
      if (!items) continue;
      copy = item.slice();
      for (let i = 0; i < item.length; i++) tasks.push([copy, i, items]);
    } else {
      if (!properties) continue;
      copy = {};
      // setData, not assignment: a key named `__proto__` stays data.
      for (const [k, v] of Object.entries(item)) {
        const name = propertyName(properties, k);
        setData(copy, name, v);
        tasks.push([copy, name, Object.hasOwn(properties, name) ? properties[name] : undefined]);
      }
    }
    copies.set(item, copy);
    setData(target, key, copy);
  }
  return holder[0];
}
