import type { IoClient } from "./answer-fields.js";
import { multipartUpload } from "./multipart-upload.js";
import { singleUpload } from "./single-upload.js";
import { uploadFetchFor } from "./upload-fetch.js";
import { partSizeFor, UPLOAD_LIMITS } from "./upload-limits.js";
import { progressReporter, type UploadProgress } from "./upload-progress.js";
import { resolveSource, type UploadSource } from "./upload-source.js";

export interface FileToCivisOptions {
  /**
   * When the file expires: an ISO 8601 date or time; `null` keeps it for good.
   * Default: the API's (30 days).
   */
  expiresAt?: string | null;
  /** The file's description (at most 512 characters). */
  description?: string;
  /**
   * Called as bytes are sent: with 0 at once, then in a browser as the bytes go out; on Node
   * (or with a `fetch` of your own) after each part of a multipart upload, and at the end.
   */
  onProgress?: (progress: UploadProgress) => void;
  /** Ends the upload; a multipart upload is closed on the API's side. */
  signal?: AbortSignal;
  /** Above this many bytes, a multipart upload. Default 50 MB (civis-python's). */
  multipartThreshold?: number;
  /** The size of each part. Default: max(5 MiB, sqrt(5 MiB * size)), as civis-python. */
  partSize?: number;
  /** Parts uploaded at once. Default 4. */
  concurrency?: number;
  /** The name when neither `name` nor the source gives one. */
  defaultName?: string;
  /**
   * The fetch for the presigned storage URLs. Default: the client's own; in a browser whose
   * client uses the global fetch, XMLHttpRequest, to report progress in bytes.
   */
  fetch?: typeof fetch;
  /** The first wait (ms) before retrying a storage request; it doubles. Default 250. */
  retryBaseMs?: number;
}

/**
 * Uploads a file to Civis and resolves to its id (civis-python's `file_to_civis`). Up to 50 MB
 * it is one presigned form POST, above a multipart upload (4 parts at a time, each retried).
 * `name` defaults to the File's name or the path's last segment.
 */
export async function fileToCivis(
  client: IoClient,
  source: UploadSource,
  name?: string,
  options: FileToCivisOptions = {},
): Promise<number> {
  const { description, expiresAt } = options;
  if (description !== undefined && description.length > UPLOAD_LIMITS.maxDescription) {
    throw new RangeError(
      `the file description is ${description.length} characters; the API takes at most ${UPLOAD_LIMITS.maxDescription}`,
    );
  }
  for (const key of ["multipartThreshold", "partSize", "concurrency"] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
      throw new RangeError(`${key} must be a positive integer, not ${String(value)}`);
    }
  }
  options.signal?.throwIfAborted();
  const resolved = await resolveSource(source);
  try {
    const fileName = name ?? resolved.name ?? options.defaultName;
    if (!fileName) {
      throw new TypeError(
        "fileToCivis needs a name: the source carries none (pass one as the third argument)",
      );
    }
    const size = resolved.blob.size;
    if (size > UPLOAD_LIMITS.maxFileSize) {
      throw new RangeError(`the file is ${size} bytes, over the API's limit of 5 TiB`);
    }
    const params: Record<string, unknown> = {};
    if (expiresAt !== undefined) params.expires_at = expiresAt;
    if (description) params.description = description;
    const job = {
      client,
      fetchFor: uploadFetchFor(client, options.fetch),
      blob: resolved.blob,
      name: fileName,
      params,
      signal: options.signal,
      progress: progressReporter(size, options.onProgress),
      retryBaseMs: options.retryBaseMs,
    };
    if (size <= (options.multipartThreshold ?? UPLOAD_LIMITS.multipartThreshold)) {
      return await singleUpload(job);
    }
    return await multipartUpload({
      ...job,
      partSize: options.partSize ?? partSizeFor(size),
      concurrency: options.concurrency ?? UPLOAD_LIMITS.concurrency,
    });
  } finally {
    await resolved.cleanup();
  }
}
