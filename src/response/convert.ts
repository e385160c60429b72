import { camelToSnake } from "../naming/camel-to-snake.js";

/** Keys whose contents are the user's own names, kept in their case (civis-python does the same). */
const KEEP_CASE = new Set(["arguments", "environmentVariables", "environment_variables"]);
/** The `value` of a JSON value object is the user's data, kept as sent. */
const AS_SENT = "value";

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How a key's value is treated: its own case kept, left as sent, or converted. */
export function keyMode(key: string, keepCase: boolean): "keep" | "as-sent" | "snake" {
  if (keepCase || KEEP_CASE.has(key)) return "keep";
  if (key === AS_SENT) return "as-sent";
  return "snake";
}

/** A plain deep copy with snake_case keys (or the keys as sent), for `json()`. */
export function plainCopy(value: unknown, snakeCase: boolean, keepCase = false): unknown {
  if (Array.isArray(value)) return value.map((item) => plainCopy(item, snakeCase, keepCase));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const mode = keyMode(key, keepCase);
    const name = snakeCase && !keepCase ? camelToSnake(key) : key;
    const copied =
      mode === "as-sent"
        ? structuredClone(value[key])
        : plainCopy(value[key], snakeCase, mode === "keep");
    // defineProperty keeps a `__proto__` key as data instead of setting the prototype.
    Object.defineProperty(out, name, {
      value: copied,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Freezes a parsed JSON value all the way down, so `json_data` is as read-only as the Response. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
