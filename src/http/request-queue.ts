interface Waiter {
  readonly resolve: () => void;
}

/**
 * At most `limit` requests in flight; the rest wait in the order they came. A
 * freed slot passes straight to the next waiter, so a late caller cannot jump
 * the queue. Waiting ends early when the caller's signal aborts (p-queue's idea).
 */
export class RequestQueue {
  readonly #limit: number;
  #active = 0;
  // A Set keeps insertion order and removes an aborted waiter in O(1).
  readonly #waiting = new Set<Waiter>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Takes a slot: at once (undefined) when one is free, else a promise that resolves in turn. */
  acquire(signal: AbortSignal | undefined): Promise<void> | undefined {
    if (this.#active < this.#limit && this.#waiting.size === 0) {
      this.#active++;
      return undefined;
    }
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        this.#waiting.delete(waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      this.#waiting.add(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** Frees a slot taken by `acquire`. */
  release(): void {
    const next = this.#waiting.values().next();
    if (next.done) {
      this.#active--;
      return;
    }
    this.#waiting.delete(next.value);
    next.value.resolve();
  }
}
