import { MAX_POLL_MS } from "./poll-schedule.js";

interface VisibleDocument {
  readonly visibilityState?: string;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * Waits `ms` before the next poll. In a hidden browser tab the wait is at least 15 s (no one
 * is looking; the tab's timers are throttled anyway); when the tab shows again, the wait
 * shortens back to `ms` from its start. `wake` ends it early (after a cancel). The signal
 * rejects it at once with its reason. No timer or listener outlives the wait, so a finished
 * or aborted poller never keeps a Node process alive.
 */
export function pollWait(
  ms: number,
  signal: AbortSignal | undefined,
  wake?: (poke: () => void) => void,
): Promise<void> {
  const doc = (globalThis as { document?: VisibleDocument }).document;
  const start = Date.now();
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (aborted?: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      doc?.removeEventListener("visibilitychange", arm);
      if (aborted) reject(signal?.reason);
      else resolve();
    };
    const onAbort = () => finish(true);
    function arm(): void {
      clearTimeout(timer);
      const wait = doc?.visibilityState === "hidden" ? Math.max(ms, MAX_POLL_MS) : ms;
      timer = setTimeout(() => finish(), Math.max(0, wait - (Date.now() - start)));
    }
    // finish() takes the listener off: it runs at most once.
    signal?.addEventListener("abort", onAbort);
    doc?.addEventListener("visibilitychange", arm);
    wake?.(() => finish());
    arm();
    // An abort before the wait began fires no event.
    if (signal?.aborted) finish(true);
  });
}
