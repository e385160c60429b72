import type { $Fetch } from "ofetch";
import { CivisNetworkError } from "../errors/civis-network-error.js";
import type { RequestSpec } from "./request-spec.js";

/** An attempt's signal: the caller's, ended early by the per-attempt timeout. */
function attemptSignal(req: RequestSpec): {
  signal: AbortSignal | undefined;
  done(): void;
  timedOut(): boolean;
} {
  if (req.timeout === undefined) return { signal: req.signal, done() {}, timedOut: () => false };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`timed out after ${req.timeout} ms`, "TimeoutError"));
  }, req.timeout);
  const forward = () => controller.abort(req.signal?.reason);
  if (req.signal?.aborted) forward();
  else req.signal?.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      req.signal?.removeEventListener("abort", forward);
    },
    timedOut: () => timedOut,
  };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  if (code === "ECONNREFUSED") return "Connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "Connection reset";
  if (code) return `Network error ${code}`;
  return "Network error: the request failed before any answer (offline, DNS, or CORS?)";
}

/**
 * Sends one attempt through ofetch with its own retry off (our loop decides) and
 * the body left unread. Network failures become a CivisNetworkError whose cause
 * is the platform's error, never ofetch's, which carries the request headers.
 */
export async function sendOnce(
  $fetch: $Fetch,
  baseUrl: string,
  req: RequestSpec,
): Promise<globalThis.Response> {
  const attempt = attemptSignal(req);
  try {
    return await $fetch.raw(baseUrl + req.target.slice(1), {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: attempt.signal,
      retry: 0,
      ignoreResponseError: true,
      responseType: "stream",
    });
  } catch (error) {
    const platformError = (error as { cause?: unknown }).cause ?? error;
    if (attempt.timedOut()) {
      throw new CivisNetworkError(
        req.method,
        req.target,
        `Timed out after ${req.timeout} ms`,
        "timed-out",
      );
    }
    if (req.signal?.aborted) {
      throw new CivisNetworkError(req.method, req.target, "Aborted", "aborted", req.signal.reason);
    }
    const cause = (platformError as { cause?: unknown }).cause ?? platformError;
    throw new CivisNetworkError(req.method, req.target, describe(platformError), "failed", cause);
  } finally {
    attempt.done();
  }
}
