/** A spec that cannot be used: not JSON, not Swagger 2.0 / OpenAPI 3.x, or malformed. */
export class SpecError extends Error {
  override readonly name = "SpecError";

  constructor(problem: string) {
    super(`Invalid API spec: ${problem}`);
  }
}
