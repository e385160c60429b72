import type { UploadBytes } from "./xhr-fetch.js";

/** What civis/io does differently on Node and in browsers, behind one seam. */
export interface IoPlatform {
  readonly name: "node" | "browser";
  /** A Blob of a local file, read lazily (Node); browsers have no paths. */
  blobFromPath(path: string): Promise<Blob>;
  /**
   * A Blob of a stream's bytes, so its size is known before the upload: Node spools it to
   * a temporary file (removed by `cleanup`), browsers collect it in memory.
   */
  blobFromStream(stream: AsyncIterable<Uint8Array>): Promise<SpooledBlob>;
  /** gzip-decompressed bytes (node:zlib on Node, DecompressionStream in browsers). */
  gunzip(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array>;
  /**
   * Opens a local file for writing, before any request (a missing folder fails at once).
   * It is written under a temporary name renamed at the end, so a failure leaves no
   * partial file (and an existing file untouched).
   */
  openPath(path: string): Promise<PathWriter>;
  /** The last segment of a path. */
  basename(path: string): string;
  /**
   * A fetch for uploads that reports bytes as they are sent: XMLHttpRequest in browsers
   * (undefined where there is none, a service worker); node:http on Node, which streams a
   * Blob from its file where Node's fetch would read it whole.
   */
  readonly uploadFetch?: ((onBytes: UploadBytes) => typeof fetch) | undefined;
}

export interface SpooledBlob {
  readonly blob: Blob;
  cleanup(): Promise<void>;
}

export interface PathWriter {
  /** Writes the whole stream, then gives the file its name. */
  write(body: ReadableStream<Uint8Array>): Promise<void>;
  /** Removes the temporary file (when the download never started). */
  discard(): Promise<void>;
}
