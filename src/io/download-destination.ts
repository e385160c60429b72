import { byteChunks } from "./byte-chunks.js";

/** A Node writable, as far as a download needs one (`fs.WriteStream`, `process.stdout`...). */
export interface NodeWritableLike {
  write(chunk: Uint8Array): boolean;
  once(event: "drain" | "error" | "close", listener: (...args: unknown[]) => void): unknown;
  off?(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** Where `civisToFile` writes: a Node path, a Node writable, or a web WritableStream. */
export type DownloadDestination = string | NodeWritableLike | WritableStream<Uint8Array>;

export const isNodeWritable = (value: unknown): value is NodeWritableLike =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as NodeWritableLike).write === "function" &&
  typeof (value as NodeWritableLike).once === "function";

/**
 * Copies a body into a Node writable, waiting for `drain` so memory stays flat. The writable
 * is left open (it may be `process.stdout`, or the caller may write more), as civis-python
 * leaves a buffer it was given.
 */
export async function writeToNodeWritable(
  body: ReadableStream<Uint8Array>,
  out: NodeWritableLike,
): Promise<void> {
  let failed: unknown;
  const onError = (error: unknown) => {
    failed = error;
  };
  out.once("error", onError);
  try {
    for await (const chunk of byteChunks(body)) {
      if (failed) throw failed;
      if (!out.write(chunk)) {
        // Each wait takes its listeners off again: left on, they piled up on the writable
        // (Node's MaxListenersExceededWarning after ten waits, and a leak on a long download).
        await new Promise<void>((resolve, reject) => {
          const settle = (error?: unknown) => {
            out.off?.("drain", settle);
            out.off?.("error", settle);
            out.off?.("close", closed);
            error ? reject(error) : resolve();
          };
          const closed = () =>
            settle(new Error("the destination closed before the download ended"));
          out.once("drain", settle);
          out.once("error", settle);
          out.once("close", closed);
        });
      }
    }
    if (failed) throw failed;
  } finally {
    out.off?.("error", onError);
  }
}
