import type { Operation } from "../description/types.js";
import { camelToSnake } from "../naming/camel-to-snake.js";

/**
 * How a method is called: `get_executions(id, execution_id, params?)`. Path
 * parameters go by their snake_case names, as `help()` documents them.
 */
export function signature(op: Operation, ...rest: string[]): string {
  return `${op.name}(${[...op.pathParams.map(camelToSnake), ...rest].join(", ")})`;
}
