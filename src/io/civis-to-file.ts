import { apiMethod, clientFetch, field, type IoClient } from "./answer-fields.js";
import { ioPlatform } from "./current-io-platform.js";
import {
  type DownloadDestination,
  isNodeWritable,
  writeToNodeWritable,
} from "./download-destination.js";
import { EmptyResultError } from "./empty-result-error.js";
import type { PathWriter } from "./io-platform.js";
import { storageFetch } from "./storage-fetch.js";
import type { UploadProgress } from "./upload-progress.js";

export interface CivisToFileOptions {
  /** Called as bytes arrive; `total` is the file's size when known, else 0. */
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** The fetch for the presigned storage URL. Default: the client's own. */
  fetch?: typeof fetch;
  /** The first wait (ms) before retrying the storage request; it doubles. Default 250. */
  retryBaseMs?: number;
}

/** A positive integer file id, or a TypeError before any request. */
export function checkFileId(fileId: unknown, what = "fileId"): number {
  if (typeof fileId !== "number" || !Number.isInteger(fileId) || fileId <= 0) {
    throw new TypeError(`${what} must be a positive integer, not ${JSON.stringify(fileId)}`);
  }
  return fileId;
}

/**
 * The body of a Civis file, from `files.get`'s `file_url` (civis-python's `civis_to_file`
 * without the writing). An expired file has no URL: an `EmptyResultError`.
 */
export async function openCivisFile(
  client: IoClient,
  fileId: number,
  options: CivisToFileOptions = {},
): Promise<{ body: ReadableStream<Uint8Array>; size: number; name: string | undefined }> {
  checkFileId(fileId);
  const answer = await apiMethod(client, "files", "get")(fileId, {}, { signal: options.signal });
  const url = field(answer, "file_url");
  if (typeof url !== "string" || !url) {
    throw new EmptyResultError(
      `file ${fileId} has no download URL: it may have expired, or never finished uploading`,
    );
  }
  const response = await storageFetch(clientFetch(client, options.fetch), {
    what: `GET download of file ${fileId}`,
    url,
    init: {},
    signal: options.signal,
    retryBaseMs: options.retryBaseMs,
  });
  const length = Number(response.headers.get("content-length"));
  const size = Number(field(answer, "file_size")) || length || 0;
  const name = field(answer, "name");
  const empty = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  return {
    body: counted(response.body ?? empty, size, options.onProgress),
    size,
    name: typeof name === "string" ? name : undefined,
  };
}

function counted(
  body: ReadableStream<Uint8Array>,
  total: number,
  onProgress: CivisToFileOptions["onProgress"],
): ReadableStream<Uint8Array> {
  if (!onProgress) return body;
  let loaded = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        controller.enqueue(chunk);
        onProgress({ loaded, total: Math.max(total, loaded) });
      },
    }),
  );
}

/**
 * Downloads a Civis file (civis-python's `civis_to_file`): to a Node path (written under a
 * temporary name and renamed, so a failure leaves no partial file), a Node writable or a
 * web WritableStream (left open), or, with no destination, resolves to a Blob.
 */
export async function civisToFile(
  client: IoClient,
  fileId: number,
  destination?: undefined,
  options?: CivisToFileOptions,
): Promise<Blob>;
export async function civisToFile(
  client: IoClient,
  fileId: number,
  destination: DownloadDestination,
  options?: CivisToFileOptions,
): Promise<undefined>;
export async function civisToFile(
  client: IoClient,
  fileId: number,
  destination?: DownloadDestination,
  options: CivisToFileOptions = {},
): Promise<Blob | undefined> {
  checkFileId(fileId);
  if (
    destination !== undefined &&
    typeof destination !== "string" &&
    !isNodeWritable(destination) &&
    !(typeof WritableStream !== "undefined" && destination instanceof WritableStream)
  ) {
    throw new TypeError("civisToFile writes to a Node path or writable, or a WritableStream");
  }
  // A path is opened first: a missing folder fails before any request.
  const writer: PathWriter | undefined =
    typeof destination === "string" ? await ioPlatform.openPath(destination) : undefined;
  let body: ReadableStream<Uint8Array>;
  try {
    ({ body } = await openCivisFile(client, fileId, options));
  } catch (error) {
    await writer?.discard();
    throw error;
  }
  if (destination === undefined) return new globalThis.Response(body).blob();
  if (writer) await writer.write(body);
  else if (isNodeWritable(destination)) await writeToNodeWritable(body, destination);
  else await body.pipeTo(destination as WritableStream<Uint8Array>, { preventClose: true });
  return undefined;
}
