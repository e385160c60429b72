import type { IoPlatform } from "./io-platform.js";
import { xhrFetch } from "./xhr-fetch.js";

/** Browsers' civis/io: Blobs and DecompressionStream, no file system. */
export const browserIoPlatform: IoPlatform = {
  name: "browser",
  async blobFromPath(path) {
    throw new TypeError(
      `a path ("${path}") can be uploaded only on Node; in a browser pass a File, Blob or bytes`,
    );
  },
  async blobFromStream(stream) {
    const parts: BlobPart[] = [];
    for await (const chunk of stream) parts.push(chunk as BlobPart);
    return { blob: new Blob(parts), cleanup: async () => undefined };
  },
  gunzip(stream) {
    return stream.pipeThrough(
      new DecompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
  },
  async openPath(path) {
    throw new TypeError(
      `a path ("${path}") can be written only on Node; in a browser leave the destination out to get a Blob`,
    );
  },
  basename(path) {
    return path.slice(path.lastIndexOf("/") + 1);
  },
  get uploadFetch() {
    return typeof XMLHttpRequest === "function" ? xhrFetch : undefined;
  },
};
