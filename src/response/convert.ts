import { isPlainObject } from "../checks/is-plain-object.js";
import { camelToSnake } from "../naming/camel-to-snake.js";

/** Keys whose contents are the user's own names, kept in their case (civis-python does the same). */
const KEEP_CASE = new Set(["arguments", "environmentVariables", "environment_variables"]);
/** The `value` of a JSON value object is the user's data, kept as sent. */
const AS_SENT = "value";

/** How a key's value is treated: its own case kept, left as sent, or converted. */
export function keyMode(key: string, keepCase: boolean): "keep" | "as-sent" | "snake" {
  if (keepCase || KEEP_CASE.has(key)) return "keep";
  if (key === AS_SENT) return "as-sent";
  return "snake";
}

/** Sets a data property; `__proto__` is defined, not assigned, so it stays data instead of setting the prototype. */
export function setData(target: object, key: string | number, value: unknown): void {
  // Stryker disable next-line ConditionalExpression: equivalent; defining any other key makes the same own data property (member names with getters never reach here: response.ts keeps them apart)
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    (target as Record<string | number, unknown>)[key] = value;
  }
}

/**
 * A plain deep copy with snake_case keys (or the keys as sent), for `json()`.
 * A loop over a stack, not recursion: an answer thousands of levels deep must not
 * overflow the call stack. Each task replaces `target[key]`, still the original
 * value, with its copy; a `value` (kept as sent) is copied with its keys as they are.
 */
export function plainCopy(value: unknown, snakeCase: boolean, keepCase = false): unknown {
  const holder = [value];
  const tasks: [target: object, key: string | number, keep: boolean][] = [[holder, 0, keepCase]];
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    const [target, key, keep] = task;
    const source = (target as Record<string | number, unknown>)[key];
    if (Array.isArray(source)) {
      const copy = source.slice();
      // Stryker disable next-line EqualityOperator: equivalent; a task for the index past the end reads undefined and copies nothing
      for (let i = 0; i < copy.length; i++) tasks.push([copy, i, keep]);
      setData(target, key, copy);
    } else if (isPlainObject(source)) {
      const copy = {};
      for (const k of Object.keys(source)) {
        const name = snakeCase && !keep ? camelToSnake(k) : k;
        setData(copy, name, source[k]);
        tasks.push([copy, name, keyMode(k, keep) !== "snake"]);
      }
      setData(target, key, copy);
    }
  }
  return holder[0];
}

/** Freezes a parsed JSON value all the way down, so `json_data` is as read-only as the Response. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent; Object.isFrozen is true for null and primitives, and a frozen object's children were frozen with it
    if (typeof item === "object" && item !== null && !Object.isFrozen(item)) {
      Object.freeze(item);
      for (const child of Object.values(item)) stack.push(child);
    }
  }
  return value;
}
