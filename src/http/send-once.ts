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
 * Sends one attempt with the body left unread; the retry loop decides what
 * follows. Network failures become a CivisNetworkError whose cause is the
 * platform's own (the system error when there is one), never the request.
 */
export async function sendOnce(
  fetchImpl: typeof fetch,
  baseUrl: string,
  req: RequestSpec,
): Promise<globalThis.Response> {
  const attempt = attemptSignal(req);
  try {
    return await fetchImpl(baseUrl + req.target.slice(1), {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: attempt.signal,
    });
  } catch (error) {
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
    const cause = (error as { cause?: unknown }).cause ?? error;
    throw new CivisNetworkError(req.method, req.target, describe(error), "failed", cause);
  } finally {
    attempt.done();
  }
}
