/** Bytes sent so far, of how many. */
export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

/** Counts an upload's bytes across its requests (a form POST, or parts in flight at once). */
export interface ProgressReporter {
  /** Bytes of request `index` (a part, 0 for a form POST) sent so far, out of `size`. */
  sent(index: number, bytes: number): void;
}

/**
 * Reports progress that only grows, never past the total: a part sent again after a failure
 * starts from 0, and the bytes it had sent are counted once. `onProgress` hears 0 at once.
 */
export function progressReporter(
  total: number,
  onProgress: ((progress: UploadProgress) => void) | undefined,
): ProgressReporter {
  const byIndex = new Map<number, number>();
  let sum = 0;
  let loaded = 0;
  // What onProgress threw, thrown again by every later call: the transports (which ignore a
  // throw, so the request goes on) report bytes, and the end of each request reaches the caller.
  let failed: [unknown] | undefined;
  onProgress?.({ loaded, total });
  return {
    sent(index, bytes) {
      sum += bytes - (byIndex.get(index) ?? 0);
      byIndex.set(index, bytes);
      const now = Math.min(total, sum);
      if (now > loaded) {
        loaded = now;
        try {
          onProgress?.({ loaded, total });
        } catch (error) {
          failed ??= [error];
        }
      }
      if (failed) throw failed[0];
    },
  };
}
