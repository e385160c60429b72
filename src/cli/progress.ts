/** Where progress goes: stderr, shown only when it is a terminal. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Nothing shows before this many ms: a quick operation prints nothing. Default 300. */
  readonly delayMs?: number;
  /** At most one redraw per this many ms. Default 100. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/**
 * One status line on a terminal, redrawn in place (`\r`) and erased when done.
 * On anything but a terminal (a pipe, a file, a test) it writes nothing at all,
 * so scripts reading stderr see only errors.
 */
export class Progress {
  readonly #stream: ProgressStream;
  readonly #enabled: boolean;
  readonly #now: () => number;
  readonly #started: number;
  readonly #delayMs: number;
  readonly #intervalMs: number;
  #lastDraw = Number.NEGATIVE_INFINITY;
  #shown = false;

  constructor(stream: ProgressStream, options: ProgressOptions = {}) {
    this.#stream = stream;
    this.#enabled = stream.isTTY === true;
    this.#now = options.now ?? Date.now;
    this.#started = this.#now();
    this.#delayMs = options.delayMs ?? 300;
    this.#intervalMs = options.intervalMs ?? 100;
  }

  /** Shows `text` as the status, if the operation has been running long enough. */
  update(text: string): void {
    if (!this.#enabled) return;
    const now = this.#now();
    if (now - this.#started < this.#delayMs || now - this.#lastDraw < this.#intervalMs) return;
    this.#lastDraw = now;
    this.#shown = true;
    // \x1b[K clears what a longer previous status left on the line.
    this.#stream.write(`\r${text}\x1b[K`);
  }

  /** Erases the status line, if one was shown. */
  done(): void {
    if (!this.#shown) return;
    this.#shown = false;
    this.#stream.write("\r\x1b[K");
  }
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.round(bytes / 1024)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * A fetch that reports how much of the API spec (`GET .../endpoints`) has arrived.
 * Other requests pass through untouched.
 */
export function specDownloadProgress(
  fetchImpl: typeof fetch,
  stream: ProgressStream,
  options: ProgressOptions = {},
): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (stream.isTTY !== true || !response.body || !/\/endpoints\/?(\?|$)/.test(urlOf(input))) {
      return response;
    }
    const progress = new Progress(stream, options);
    // A compressed answer's length says nothing of the bytes the body stream yields.
    const encoded = response.headers.has("content-encoding");
    const total = encoded ? undefined : Number(response.headers.get("content-length")) || undefined;
    let received = 0;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        progress.update(
          `Downloading the API spec: ${size(received)}${total ? ` of ${size(total)}` : ""}`,
        );
        controller.enqueue(chunk);
      },
      flush() {
        progress.done();
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
