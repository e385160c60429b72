import { SpecError } from "../errors/spec-error.js";

/**
 * Runs a step that reads the spec: whatever a malformed spec makes it throw (a
 * field of the wrong type: `parameters: {}`, `[null]`) is a SpecError naming where.
 */
export function readingSpec<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError(`${where} is malformed (${(error as Error)?.message})`);
  }
}
