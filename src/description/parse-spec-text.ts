import { SpecError } from "../errors/spec-error.js";

export function parseSpecText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SpecError(`it is not valid JSON (${(error as Error).message})`);
  }
}
