import { CivisNetworkError } from "../errors/civis-network-error.js";
import type { RequestSpec } from "./request-spec.js";

/** Says what failed, from the system error's code where there is one. */
function describe(cause: unknown, answered: boolean): string {
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === "ECONNREFUSED") return "Connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "Connection reset";
  if (typeof code === "string" && code) return `Network error ${code}`;
  if (answered) return "Connection lost while reading the answer";
  return "Network error: the request failed before any answer (offline, DNS, or CORS?)";
}

/** One attempt's answer: the body's text is read unless the caller keeps a 2xx body for itself. */
export interface Exchange {
  readonly response: globalThis.Response;
  readonly text: string | undefined;
}

/**
 * Sends one attempt and reads its body (an error answer's always; a 2xx one's
 * unless `keepBody`), so the timeout and the signal cover the whole exchange: a
 * body that stalls or breaks half-way fails the attempt like a lost connection.
 * Network failures become a CivisNetworkError whose cause is the platform's own
 * (the system error when there is one), never the request.
 */
export async function sendOnce(
  fetchImpl: typeof fetch,
  baseUrl: string,
  req: RequestSpec,
  attempt: number,
  keepBody = false,
): Promise<Exchange> {
  const { method, target, signal, timeout } = req;
  const fail = (reason: string, ended: "aborted" | "timed-out" | "failed", cause?: unknown) =>
    new CivisNetworkError(method, target, reason, ended, attempt, cause);
  // The attempt's own signal: the caller's, ended early by the timer (AbortSignal.any
  // would do it, but only from Node 20.3). With neither, nothing can stop the attempt:
  // fetch gets no signal (each costs it a listener and a finalizer) and nothing is raced.
  const controller = signal || timeout !== undefined ? new AbortController() : undefined;
  const forward = () => controller!.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener("abort", forward, { once: true });
  let timedOut = false;
  const timer =
    timeout === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller!.abort();
        }, timeout);
  // Raced against every step, so even a fetch that ignores its signal cannot hang the call.
  const stopped =
    controller &&
    new Promise<never>((_, reject) => {
      controller.signal.addEventListener("abort", reject, { once: true });
    });
  const watched = <T>(step: Promise<T>): Promise<T> =>
    stopped ? Promise.race([step, stopped]) : step;
  let kept = false;
  let response: globalThis.Response | undefined;
  try {
    response = await watched(
      fetchImpl(baseUrl + target.slice(1), {
        method,
        headers: req.headers,
        body: req.body,
        signal: controller?.signal,
      }),
    );
    kept = keepBody && response.ok;
    return { response, text: kept ? undefined : await watched(response.text()) };
  } catch (error) {
    if (timedOut) throw fail(`Timed out after ${timeout} ms`, "timed-out");
    if (signal?.aborted) throw fail("Aborted", "aborted", signal.reason);
    const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
    // An HTTP parser's error keeps the bytes it could not read (undici's `data`), which a
    // server that echoes the request fills with the key; util.inspect prints a cause.
    Reflect.deleteProperty(Object(cause), "data");
    throw fail(describe(cause, response !== undefined), "failed", cause);
  } finally {
    clearTimeout(timer);
    // A body kept for the caller stays under the caller's signal.
    if (!kept) signal?.removeEventListener("abort", forward);
  }
}
