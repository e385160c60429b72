import { camelToSnake } from "../naming/camel-to-snake.js";
import { keyMode, plainCopy, setData } from "./convert.js";
import { headerInt } from "./header-int.js";

/** Member names that data keys may not shadow; such data stays reachable with `get()`. */
const MEMBERS = new Set(["json_data", "headers", "calls_remaining", "rate_limit", "get", "json"]);

/** While `toResponseValue` builds a value: the children it has already converted. */
let converted: Map<unknown, unknown> | undefined;

/**
 * Converts one JSON value for a Response: objects become Responses, arrays frozen
 * arrays. Children are converted before their parents from a stack, not by
 * recursion, so an answer thousands of levels deep cannot overflow the call stack.
 */
export function toResponseValue(value: unknown, keepCase: boolean): unknown {
  if (typeof value !== "object" || value === null) return value;
  const outer = converted;
  const done = new Map<unknown, unknown>();
  // A node met again before it is built is its own ancestor (a cycle): left as it is.
  const entered = new Set<unknown>();
  const stack: [node: unknown, keep: boolean, ready: boolean][] = [[value, keepCase, false]];
  try {
    for (let top = stack.pop(); top; top = stack.pop()) {
      const [node, keep, ready] = top;
      if (ready) {
        converted = done;
        done.set(
          node,
          Array.isArray(node)
            ? Object.freeze(node.map((item) => done.get(item) ?? item))
            : new Response(node as Record<string, unknown>, null, keep),
        );
      } else if (typeof node === "object" && node !== null && !entered.has(node)) {
        entered.add(node);
        stack.push([node, keep, true]);
        // Stryker disable next-line ConditionalExpression: equivalent; read as an object, an array's index keys are never kept-case or `value` keys, so each item gets `keep` all the same
        if (Array.isArray(node)) {
          for (const item of node) stack.push([item, keep, false]);
        } else {
          for (const [key, child] of Object.entries(node)) {
            const mode = keyMode(key, keep);
            // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent in results; the constructor uses a value kept as sent as it is, so converting it only costs time
            if (mode !== "as-sent") stack.push([child, mode === "keep", false]);
          }
        }
      }
    }
  } finally {
    converted = outer;
  }
  return done.get(value);
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
      const value =
        mode === "as-sent"
          ? raw
          : converted
            ? (converted.get(raw) ?? raw)
            : toResponseValue(raw, mode === "keep");
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
