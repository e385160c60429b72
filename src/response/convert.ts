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
export function setData(target: object, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}

/** A plain deep copy with snake_case keys (or the keys as sent), for `json()`. */
export function plainCopy(value: unknown, snakeCase: boolean, keepCase = false): unknown {
  if (Array.isArray(value)) return value.map((item) => plainCopy(item, snakeCase, keepCase));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const mode = keyMode(key, keepCase);
    setData(
      out,
      snakeCase && !keepCase ? camelToSnake(key) : key,
      mode === "as-sent"
        ? structuredClone(value[key])
        : plainCopy(value[key], snakeCase, mode === "keep"),
    );
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
