import { sleep } from "../internal.js";
import { byteChunks } from "./byte-chunks.js";
import { CivisStorageError } from "./civis-storage-error.js";

/** How storage requests (presigned, no API key) are retried: a few tries, short waits. */
export const STORAGE_RETRIES = { attempts: 4, baseMs: 250, maxMs: 4000 } as const;

const RETRIED_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export interface StorageRequest {
  /** `"PUT upload of part 3"`: the method, then what the request is, for messages. */
  readonly what: string;
  readonly url: string;
  readonly init: RequestInit;
  readonly signal?: AbortSignal | undefined;
  /** Waits between attempts; tests pass 0. */
  readonly retryBaseMs?: number | undefined;
}

/** A URL for messages: a presigned query string carries the signature, so it is left out. */
export function safeUrl(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

/**
 * Sends one storage request with retries (lost connections, 408, 429, 5xx) and returns the
 * successful response, its body unread (a body cut half-way errors naming the request); a
 * final error answer is a `CivisStorageError`.
 * The body must be re-sendable (a Blob or bytes), as every body here is.
 */
export async function storageFetch(
  fetchImpl: typeof fetch,
  request: StorageRequest,
): Promise<Response> {
  const { what, url, init, signal } = request;
  const method = what.split(" ", 1)[0] ?? "GET";
  const base = request.retryBaseMs ?? STORAGE_RETRIES.baseMs;
  const failed = (error: unknown): Error =>
    signal?.aborted
      ? signal.reason
      : new Error(
          `${what.slice(method.length + 1)} failed: ${messageOf(error)} (${method} ${safeUrl(url)})`,
          { cause: error },
        );
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    let failure: Error;
    let response: Response | undefined;
    try {
      response = await fetchImpl(url, { ...init, method, signal: signal ?? null });
    } catch (error) {
      failure = failed(error);
      if (signal?.aborted) throw failure;
    }
    if (response) {
      if (response.ok) {
        if (!response.body) return response;
        // A body cut half-way errors as the fetch does ("terminated"): the error names the
        // request and the URL, as a lost connection before the answer does.
        const reader = response.body.getReader();
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const { done, value } = await reader.read().catch((error) => {
              throw failed(error);
            });
            done ? controller.close() : controller.enqueue(value);
          },
          cancel: (reason) => reader.cancel(reason),
        });
        return new Response(body, response);
      }
      const body = await errorText(response);
      failure = new CivisStorageError(
        what,
        response.status,
        response.statusText,
        body,
        safeUrl(url),
      );
      if (!RETRIED_STATUS.has(response.status)) throw failure;
    }
    if (attempt >= STORAGE_RETRIES.attempts) throw failure!;
    const wait = Math.min(STORAGE_RETRIES.maxMs, base * 2 ** (attempt - 1));
    await sleep(wait * (0.5 + Math.random() / 2), signal);
  }
}

function messageOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string } })?.cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return cause ? `${message}: ${cause}` : message;
}

/**
 * The start of an error answer's body: S3's XML error is a few hundred bytes, and a hostile
 * answer's endless body (read whole by `text()`) grew memory without end, on every attempt.
 */
async function errorText(response: Response): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  try {
    for await (const chunk of byteChunks(response.body!)) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length > 65536) break;
    }
  } catch {
    // A body cut or refused: the status alone explains the error.
  }
  return text;
}
