import { isPlainObject } from "../checks/is-plain-object.js";
import { camelToSnake } from "../naming/camel-to-snake.js";
import { keyMode, plainCopy, setData } from "./convert.js";
import { headerInt } from "./header-int.js";

/** Member names that data keys may not shadow; such data stays reachable with `get()`. */
const MEMBERS = new Set(["json_data", "headers", "calls_remaining", "rate_limit", "get", "json"]);

/** Converts one JSON value for a Response: objects become Responses, arrays frozen arrays. */
export function toResponseValue(value: unknown, keepCase: boolean): unknown {
  if (Array.isArray(value)) {
    return Object.freeze(value.map((item) => toResponseValue(item, keepCase)));
  }
  if (isPlainObject(value)) return new Response(value, null, keepCase);
  return value;
}

/**
 * A read-only view of one JSON object from the API, with snake_case properties
 * (`createdAt` -> `created_at`), as civis-python's `civis.Response`.
 */
export class Response {
  readonly #data: Record<string, unknown> | null;
  readonly #headers: Headers | null;
  /** Data whose snake_case key is a member name (`headers`, `json`...): reachable through `get()`. */
  #hidden: Map<string, unknown> | undefined;
  /** The data, by snake_case key. Member names always win over data keys; use `get()` for those. */
  readonly [key: string]: unknown;

  /**
   * @param data the JSON object as the API sent it
   * @param headers the HTTP headers of the answer (top-level responses only)
   * @param keepCase keep keys as sent (the contents of `arguments`, for example)
   */
  constructor(
    data: Record<string, unknown> | null,
    headers: Headers | null = null,
    keepCase = false,
  ) {
    this.#data = data;
    this.#headers = headers;
    for (const key of data ? Object.keys(data) : []) {
      const mode = keyMode(key, keepCase);
      const name = keepCase ? key : camelToSnake(key);
      const raw = data![key];
      const value = mode === "as-sent" ? raw : toResponseValue(raw, mode === "keep");
      if (MEMBERS.has(name)) {
        this.#hidden ??= new Map();
        this.#hidden.set(name, value);
      } else {
        setData(this, name, value);
      }
    }
    Object.freeze(this);
  }

  /** The body exactly as the API sent it; null for an empty body (204). */
  get json_data(): Record<string, unknown> | null {
    return this.#data;
  }

  /** The answer's HTTP headers; null for nested objects. */
  get headers(): Headers | null {
    return this.#headers;
  }

  /** `X-RateLimit-Remaining` as an integer, or null. */
  get calls_remaining(): number | null {
    return headerInt(this.headers, "x-ratelimit-remaining");
  }

  /** `X-RateLimit-Limit` as an integer, or null. */
  get rate_limit(): number | null {
    return headerInt(this.headers, "x-ratelimit-limit");
  }

  /** A value by its snake_case key or by the key as sent; finds keys that collide with members too. */
  get(key: string): unknown {
    if (Object.hasOwn(this, key)) return this[key];
    const snake = camelToSnake(key);
    if (Object.hasOwn(this, snake)) return this[snake];
    return this.#hidden?.get(snake);
  }

  /** A plain deep copy: snake_case keys by default, the API's keys with `false`. */
  json(snakeCase = true): Record<string, unknown> | null {
    return plainCopy(this.json_data, snakeCase) as Record<string, unknown> | null;
  }

  get [Symbol.toStringTag](): string {
    return "Response";
  }
}
