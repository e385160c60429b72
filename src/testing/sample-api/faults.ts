import { ApiError } from "./api-error.js";

/** A failure the sample API is told to give: by `injectFault()` or an `X-Sample-Fault` header. */
export interface Fault {
  status: number;
  retryAfter?: number | undefined;
  times: number;
}

const FAULT_ERRORS: Readonly<Record<number, readonly [string, string]>> = {
  429: ["too_many_requests", "Rate limit exceeded. Please retry later."],
  500: ["internal_server_error", "An unexpected error occurred."],
  502: ["bad_gateway", "The upstream service returned an invalid response."],
  503: ["service_unavailable", "The service is temporarily unavailable. Please retry later."],
  504: ["gateway_timeout", "The upstream service timed out."],
};

export function faultError({ status, retryAfter }: Fault): ApiError {
  const [error, description] = FAULT_ERRORS[status] ?? ["injected_fault", "Injected fault."];
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
  if (status === 429) headers["X-RateLimit-Remaining"] = "0";
  return new ApiError(status, error, description, headers);
}

/**
 * Reads `503;retry-after=1;times=1`. Unknown keys (e.g. `id=test-7`) are allowed so a test can
 * start a fresh counter by making its header value unique.
 */
export function parseFaultHeader(value: string): Fault | null {
  const [statusText = "", ...options] = value.split(";").map((part) => part.trim());
  const status = Number(statusText);
  if (!Number.isInteger(status) || status < 400 || status > 599) return null;
  const fault: Fault = { status, retryAfter: undefined, times: 1 };
  for (const option of options) {
    const [key = "", raw = ""] = option.split("=").map((part) => part.trim());
    const n = Number(raw);
    if (key.toLowerCase() === "retry-after") {
      if (raw === "" || !Number.isInteger(n) || n < 0) return null;
      fault.retryAfter = n;
    } else if (key.toLowerCase() === "times") {
      if (!Number.isInteger(n) || n < 1) return null;
      fault.times = n;
    }
  }
  return fault;
}
