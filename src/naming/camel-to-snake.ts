// Stryker disable next-line Regex: equivalent; `[a-z]` instead of `[a-z]+` leaves the lower-case letters after it to SECOND, which puts the same `_` (checked on every name of 6 letters from a-b, A-B, 1 and _)
const FIRST = /(.)([A-Z][a-z]+)/g;
const SECOND = /([a-z0-9])([A-Z])/g;
const memo = new Map<string, string>();

/**
 * Converts a camelCase name to snake_case with the rule of civis-python:
 * `(.)([A-Z][a-z]+)` -> `$1_$2`, then `([a-z0-9])([A-Z])` -> `$1_$2`, lower-cased.
 */
export function camelToSnake(name: string): string {
  let snake = memo.get(name);
  // Stryker disable next-line ConditionalExpression: equivalent; the memo only saves work, the answer is the same
  if (snake === undefined) {
    snake = name.replace(FIRST, "$1_$2").replace(SECOND, "$1_$2").toLowerCase();
    // Response keys repeat across calls; a bounded memo keeps conversion off the hot path.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent in answers; the bound keeps memory flat, which bench/ measures, not a test
    if (memo.size < 10_000) memo.set(name, snake);
  }
  return snake;
}
