import { CivisError } from "./civis-error.js";

/** A spec that cannot be used: not JSON, not Swagger 2.0 / OpenAPI 3.x, or malformed. */
export class SpecError extends CivisError {
  override readonly name = "SpecError" as const;

  constructor(problem: string) {
    super(`Invalid API spec: ${problem}`);
  }
}
