import { SpecError } from "../errors/spec-error.js";

export function parseSpecText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The engine's message quotes the text's start, which may be whatever a server echoed
    // (the Authorization header): only the reason stays.
    const reason = (error as Error).message.replace(/,? ?".*$/s, "");
    throw new SpecError(`it is not valid JSON (${reason})`);
  }
}
