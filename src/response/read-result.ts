import { isPlainObject } from "../checks/is-plain-object.js";
import { CivisAPIError } from "../errors/civis-api-error.js";
import type { RequestSpec } from "../http/request-spec.js";
import { deepFreeze } from "./convert.js";
import { ListResponse } from "./list-response.js";
import { Response, toResponseValue } from "./response.js";

/**
 * What a call resolves to: `"snake"`, `Response` objects; `"raw"`, the fetch
 * `Response`; `"json"`, the parsed body untouched.
 */
export type ResponseMode = "snake" | "raw" | "json";

/** An error about a 2xx answer's body, with its status and the requests the call made. */
export function bodyError(
  response: globalThis.Response,
  req: RequestSpec,
  errorMessage: string,
  attempts?: number,
): CivisAPIError {
  return new CivisAPIError({
    statusCode: response.status,
    errorMessage,
    method: req.method,
    url: req.target,
    response,
    attempts,
  });
}

/** Parses a 2xx body (read as `text`); one that is not JSON is an error that says so, with the status. */
export function readJson(
  response: globalThis.Response,
  text: string,
  req: RequestSpec,
  attempts?: number,
): unknown {
  // An empty body (204), or whitespace alone, reads as null. The test stops at the first
  // character that is not whitespace, so it costs nothing on a real body.
  if (!/\S/.test(text)) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw bodyError(response, req, "The response body is not valid JSON", attempts);
  }
}

/** A parsed body as `Response` / `ListResponse`. */
export function toSnakeResult(body: unknown, headers: Headers): Response | ListResponse | unknown {
  deepFreeze(body);
  if (Array.isArray(body)) {
    return ListResponse.create(
      body.map((item) => toResponseValue(item, false) as Response),
      body,
      headers,
    );
  }
  // An empty body (null) is a Response too, whose json_data is null.
  return body === null || isPlainObject(body) ? new Response(body, headers) : body;
}
