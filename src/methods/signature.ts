import type { Operation } from "../description/types.js";
import { camelToSnake } from "../naming/camel-to-snake.js";

/**
 * A method's arguments: `(id, execution_id, params?)`. Path parameters go by their
 * snake_case names, as `help()` documents them, in the order calls take them.
 */
export function argumentList(op: Operation, ...rest: string[]): string {
  return `(${[...op.pathParams.map(camelToSnake), ...rest].join(", ")})`;
}

/** How a method is called: `get_executions(id, execution_id, params?)`. */
export function signature(op: Operation, ...rest: string[]): string {
  return op.name + argumentList(op, ...rest);
}
