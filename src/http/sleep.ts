/** setTimeout stores its delay in 32 bits; longer waits are taken in steps. */
// 2 ** 31 - 1, written out: bundlers count arithmetic at the top level as code to keep.
const MAX_TIMER_MS = 2_147_483_647;

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const step = (remaining: number) => {
      if (remaining > 0) {
        const chunk = Math.min(remaining, MAX_TIMER_MS);
        timer = setTimeout(step, chunk, remaining - chunk);
      } else {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    step(ms);
  });
}
