const FIRST = /(.)([A-Z][a-z]+)/g;
const SECOND = /([a-z0-9])([A-Z])/g;
const memo = new Map<string, string>();

/**
 * Converts a camelCase name to snake_case with the rule of civis-python:
 * `(.)([A-Z][a-z]+)` -> `$1_$2`, then `([a-z0-9])([A-Z])` -> `$1_$2`, lower-cased.
 */
export function camelToSnake(name: string): string {
  let snake = memo.get(name);
  if (snake === undefined) {
    snake = name.replace(FIRST, "$1_$2").replace(SECOND, "$1_$2").toLowerCase();
    // Response keys repeat across calls; a bounded memo keeps conversion off the hot path.
    if (memo.size < 10_000) memo.set(name, snake);
  }
  return snake;
}
