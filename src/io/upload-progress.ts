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
  onProgress?.({ loaded, total });
  return {
    sent(index, bytes) {
      sum += bytes - (byIndex.get(index) ?? 0);
      byIndex.set(index, bytes);
      const now = Math.min(total, sum);
      if (now <= loaded) return;
      loaded = now;
      onProgress?.({ loaded, total });
    },
  };
}
