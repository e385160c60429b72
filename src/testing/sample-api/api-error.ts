/** An answer the sample API gives as `{ error, errorDescription, code }`, like the real API. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    errorDescription: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(errorDescription);
  }
}

export const notFound = (): ApiError =>
  new ApiError(404, "not_found", "The requested resource could not be found.");

export const badRequest = (description: string): ApiError =>
  new ApiError(400, "bad_request", description);

/** The body the real API sends with an error status. */
export function errorBody(status: number, error: string, description: string): string {
  return JSON.stringify({ error, errorDescription: description, code: status });
}
