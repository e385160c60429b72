/** Bytes sent so far, of how many. */
export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

/** Reports progress that only grows, never past the total; a throwing callback is not ours to fail on. */
export function progressReporter(
  total: number,
  onProgress: ((progress: UploadProgress) => void) | undefined,
): (bytes: number) => void {
  let loaded = 0;
  return (bytes) => {
    loaded = Math.min(total, loaded + bytes);
    onProgress?.({ loaded, total });
  };
}
