import { CivisNetworkError } from "../errors/civis-network-error.js";
import type { RequestSpec } from "./request-spec.js";

/** Says what failed, from the system error's code where there is one. */
function describe(cause: unknown): string {
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === "ECONNREFUSED") return "Connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "Connection reset";
  if (typeof code === "string" && code) return `Network error ${code}`;
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
  attempt: number,
): Promise<globalThis.Response> {
  const { method, target, signal, timeout } = req;
  const fail = (reason: string, ended: "aborted" | "timed-out" | "failed", cause?: unknown) =>
    new CivisNetworkError(method, target, reason, ended, attempt, cause);
  // With a timeout the attempt has its own signal: the caller's, ended early by
  // the timer (AbortSignal.any would do it, but only from Node 20.3).
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (timeout !== undefined) {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    if (signal?.aborted) forward();
    else signal?.addEventListener("abort", forward, { once: true });
  }
  try {
    return await fetchImpl(baseUrl + target.slice(1), {
      method,
      headers: req.headers,
      body: req.body,
      signal: timer === undefined ? signal : controller.signal,
    });
  } catch (error) {
    if (timedOut) throw fail(`Timed out after ${timeout} ms`, "timed-out");
    if (signal?.aborted) throw fail("Aborted", "aborted", signal.reason);
    const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
    throw fail(describe(cause), "failed", cause);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", forward);
  }
}
