import type { CivisAPIError } from "../errors/civis-api-error.js";
import type { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import { redactKey } from "./redact-key.js";
import type { RequestSpec } from "./request-spec.js";

function messageOf(text: string, statusText: string, status: number): string {
  try {
    // Any JSON: reading a field of a number or a string gives undefined.
    const body = JSON.parse(text) as Record<string, unknown> | null;
    for (const m of [body?.errorDescription, body?.error_description, body?.error]) {
      if (typeof m === "string" && m !== "") return m;
    }
  } catch {
    // Not JSON: the text itself is the message.
  }
  const trimmed = text.trim();
  if (trimmed !== "") return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
  return statusText || `HTTP ${status}`;
}

/**
 * The error classes, passed in: this file loads on demand and imports none of the core
 * (the first two of send.ts's kit, which carries more for attempt-watch.ts).
 */
export type ErrorClasses = readonly [typeof CivisAPIError, typeof CivisAPIKeyError, ...unknown[]];

/**
 * The error a non-2xx answer (its body read as `text`) rejects with; a 401 is a
 * CivisAPIKeyError around it. A server that echoes the request's Authorization
 * header gets the key blanked out, whatever form it echoes.
 */
export function apiErrorFrom(
  response: globalThis.Response,
  text: string,
  req: RequestSpec,
  attempts: number,
  [APIError, KeyError]: ErrorClasses,
): CivisAPIError | CivisAPIKeyError {
  // The text is blanked out before it is shortened (a key cut in two would leave its first
  // half), and the message after (a JSON escape or the status text may spell it too).
  const redact = (out: string) => redactKey(out, req.headers);
  const error = new APIError({
    statusCode: response.status,
    errorMessage: redact(messageOf(redact(text), response.statusText, response.status)),
    method: req.method,
    url: req.target,
    response,
    attempts,
  });
  if (response.status === 401) {
    return new KeyError(
      `The API refused the API key: ${error.message}. Check that the key is right and not expired.`,
      error,
    );
  }
  return error;
}
