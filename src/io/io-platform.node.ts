import { createWriteStream } from "node:fs";
import { mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Duplex, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { createGunzip } from "node:zlib";
import type { IoPlatform, PathWriter, SpooledBlob } from "./io-platform.js";
import { nodeUploadFetch } from "./node-upload-fetch.js";

type NodeWebStream = NodeReadableStream<Uint8Array>;

/** A missing local file is named in the error before any request is made. */
async function checkFile(path: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`no such file: ${path}`, { cause: error });
    throw error;
  }
  if (!info.isFile()) throw new Error(`not a file: ${path}`);
}

/** Node's civis/io: files through node:fs, gzip through node:zlib. */
export const nodeIoPlatform: IoPlatform = {
  name: "node",
  async blobFromPath(path) {
    await checkFile(path);
    const { openAsBlob } = await import("node:fs");
    return openAsBlob(path);
  },
  async blobFromStream(stream): Promise<SpooledBlob> {
    const dir = await mkdtemp(join(tmpdir(), "civis-upload-"));
    const cleanup = () => rm(dir, { recursive: true, force: true });
    try {
      const path = join(dir, "upload");
      await pipeline(Readable.from(stream), createWriteStream(path));
      return { blob: await this.blobFromPath(path), cleanup };
    } catch (error) {
      await cleanup();
      throw error;
    }
  },
  gunzip(stream) {
    return stream.pipeThrough(
      Duplex.toWeb(createGunzip()) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
  },
  async openPath(path): Promise<PathWriter> {
    // Beside the destination, so the rename stays on one file system and is atomic.
    const part = join(dirname(path), `.${basename(path)}.${Date.now().toString(36)}.part`);
    const file = createWriteStream(part, { flags: "wx" });
    await new Promise<void>((resolve, reject) => {
      file.once("open", () => resolve());
      file.once("error", reject);
    }).catch((error: NodeJS.ErrnoException) => {
      // The error names the temporary file; the caller needs to hear about the folder.
      if (error.code !== "ENOENT") throw error;
      throw new Error(`cannot write ${path}: no such folder ${dirname(path)} (ENOENT)`, {
        cause: error,
      });
    });
    const discard = async () => {
      file.destroy();
      await rm(part, { force: true });
    };
    return {
      async write(body) {
        try {
          await pipeline(Readable.fromWeb(body as NodeWebStream), file);
          await rename(part, path);
        } catch (error) {
          await discard();
          throw error;
        }
      },
      discard,
    };
  },
  basename(path) {
    return basename(path);
  },
  uploadFetch: nodeUploadFetch,
};
