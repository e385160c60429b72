import { isPlainObject } from "../checks/is-plain-object.js";

/** The TypeError of a bad call: which method, then what is wrong with its arguments. */
export function argumentError(where: string, problem: string): TypeError {
  return new TypeError(`${where}: ${problem}`);
}

/** An object of named options (params or init): not null, an array or a Date. */
export function isOptionsObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && !(value instanceof Date);
}
