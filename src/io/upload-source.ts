import { byteChunks } from "./byte-chunks.js";
import { ioPlatform } from "./current-io-platform.js";

/**
 * What `fileToCivis` uploads: a browser `File` or `Blob`, bytes, a Node path, a Node
 * readable or any async iterable of bytes, or a web `ReadableStream`.
 */
export type UploadSource =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | string
  | AsyncIterable<Uint8Array>
  | ReadableStream<Uint8Array>;

export interface ResolvedSource {
  readonly blob: Blob;
  /** The name the source carries (a File's name, a path's last segment), if any. */
  readonly name: string | undefined;
  cleanup(): Promise<void>;
}

const none = async () => undefined;

/**
 * The source as a Blob, so its size is known and any part can be read again for a retry.
 * Paths become lazily read, file-backed Blobs (Node); streams are spooled first.
 */
export async function resolveSource(source: UploadSource): Promise<ResolvedSource> {
  if (typeof source === "string") {
    return {
      blob: await ioPlatform.blobFromPath(source),
      name: ioPlatform.basename(source),
      cleanup: none,
    };
  }
  if (typeof Blob !== "undefined" && source instanceof Blob) {
    const name = typeof (source as File).name === "string" ? (source as File).name : undefined;
    return { blob: source, name: name || undefined, cleanup: none };
  }
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return { blob: new Blob([source as BlobPart]), name: undefined, cleanup: none };
  }
  if (typeof ReadableStream !== "undefined" && source instanceof ReadableStream) {
    const spooled = await ioPlatform.blobFromStream(byteChunks(source));
    return { ...spooled, name: undefined };
  }
  if (source && typeof (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function") {
    // A Node file stream knows its path: its name is the file's.
    const path = (source as { path?: unknown }).path;
    const spooled = await ioPlatform.blobFromStream(source as AsyncIterable<Uint8Array>);
    return { ...spooled, name: typeof path === "string" ? ioPlatform.basename(path) : undefined };
  }
  throw new TypeError(
    "fileToCivis uploads a File, Blob, ArrayBuffer, typed array, Node path or stream, or a ReadableStream",
  );
}
