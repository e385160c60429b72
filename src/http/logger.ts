import { isPlainObject } from "../checks/is-plain-object.js";

/** One log call: a readable line, then the same facts as an object. */
export type LogMethod = (message: string, details?: Readonly<Record<string, unknown>>) => void;

/**
 * Console-shaped (`console` itself works): each request at `debug`, retries at
 * `info`, deprecations at `warn`. A level left out is not logged. Nothing logged
 * carries the API key.
 */
export interface Logger {
  readonly debug?: LogMethod;
  readonly info?: LogMethod;
  readonly warn?: LogMethod;
  readonly error?: LogMethod;
}

export const LEVELS = ["debug", "info", "warn", "error"] as const;

/** True for an object whose levels, where given, are functions. */
export function isLogger(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    LEVELS.every((level) => value[level] === undefined || typeof value[level] === "function")
  );
}
