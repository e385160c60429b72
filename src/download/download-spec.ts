import { CivisAPIError } from "../errors/civis-api-error.js";
import { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import { send } from "../http/send.js";
import { baseHeaders } from "../options/base-headers.js";
import { DEFAULTS } from "../options/defaults.js";
import { type ResolvedOptions, transportOf } from "../options/resolve-options.js";
import { platform } from "../platform/current.js";

/**
 * Attempts of the spec download when no answer comes at all (refused, DNS, CORS, timeout):
 * a wrong base URL is known after at most two short waits (under 6 s with the default
 * backoff), while a 503 or 429 keeps the policy's full count.
 */
export const SPEC_NO_ANSWER_ATTEMPTS = 3;

/**
 * `GET {baseUrl}endpoints` (by default the options' base URL, else civis's) through the same
 * retries as every call; resolves to the spec's text.
 */
export async function downloadSpecText(
  options: ResolvedOptions,
  baseUrl = options.baseUrl ?? DEFAULTS.baseUrl,
): Promise<string> {
  const transport = transportOf(options, baseUrl);
  const retry = { ...transport.retry, maxNoAnswerAttempts: SPEC_NO_ANSWER_ATTEMPTS };
  try {
    const { text } = await send(
      { ...transport, retry },
      {
        method: "GET",
        target: "/endpoints",
        headers: baseHeaders(options, platform),
        signal: options.signal,
        timeout: options.timeout,
        operation: "endpoints.list",
      },
    );
    return text!;
  } catch (error) {
    const apiError = error instanceof CivisAPIKeyError ? error.cause : error;
    if (
      apiError instanceof CivisAPIError &&
      (apiError.status_code === 401 || apiError.status_code === 403)
    ) {
      throw new CivisAPIKeyError(
        `${apiError.status_code} error downloading the API spec from ${baseUrl}endpoints: the API key may be expired or invalid`,
        apiError,
      );
    }
    throw error;
  }
}
