/** At most `limit` requests in flight for a client. */
export interface RequestQueue {
  /** Takes a slot: at once (undefined) when one is free, else a promise that resolves in turn. */
  acquire(signal: AbortSignal | undefined): Promise<void> | undefined;
  /** Frees a slot taken by `acquire`. */
  release(): void;
}

/**
 * The rest wait in the order they came. A freed slot passes straight to the next
 * waiter, so a late caller cannot jump the queue; waiting ends early when the
 * caller's signal aborts (p-queue's idea).
 */
export function requestQueue(limit: number): RequestQueue {
  let active = 0;
  // A Set keeps insertion order and drops an aborted waiter in O(1).
  const waiting = new Set<() => void>();
  return {
    acquire(signal) {
      if (active < limit && !waiting.size) {
        active++;
        return undefined;
      }
      return new Promise((resolve, reject) => {
        // Without a signal nothing can end the wait: the resolver itself waits its turn.
        if (!signal) return void waiting.add(resolve);
        const onAbort = () => {
          waiting.delete(go);
          reject(signal.reason);
        };
        const go = () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        };
        if (signal.aborted) return onAbort();
        waiting.add(go);
        signal.addEventListener("abort", onAbort);
      });
    },
    release() {
      const [next] = waiting;
      if (!next) return void active--;
      waiting.delete(next);
      next();
    },
  };
}
