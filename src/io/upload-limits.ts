/** civis-python's numbers (`civis/io/_files.py`). */
export const UPLOAD_LIMITS = {
  /** Up to this size, one presigned form POST; above, a multipart upload. */
  multipartThreshold: 50 * 2 ** 20,
  /** S3's smallest part (all but the last). */
  minPartSize: 5 * 2 ** 20,
  /** The API's largest file: 5 TiB. */
  maxFileSize: 5 * 2 ** 40,
  /** Parts in flight at once. */
  concurrency: 4,
  /** The longest description the API takes. */
  maxDescription: 512,
} as const;

/** civis-python's part size: the geometric mean of 5 MiB and the file size, at least 5 MiB. */
export function partSizeFor(size: number): number {
  return Math.max(
    Math.floor(Math.sqrt(UPLOAD_LIMITS.minPartSize) * Math.sqrt(size)),
    UPLOAD_LIMITS.minPartSize,
  );
}
