import { byteChunks } from "./byte-chunks.js";
import { csvRowParser } from "./csv-row-parser.js";
import { ioPlatform } from "./current-io-platform.js";

/** The first two bytes of every gzip stream. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Decompresses a gzip body and passes anything else through, as civis-python reads
 * exports (whether a body is gzip depends on the export's settings and on whether the
 * server already sent it with `Content-Encoding`, which fetch undoes).
 */
export function maybeGunzip(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let out: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const decide = async (): Promise<ReadableStreamDefaultReader<Uint8Array>> => {
    // Wait for two bytes: a first chunk of one byte must not hide the magic number.
    let head: Uint8Array = new Uint8Array(0);
    let ended = false;
    while (head.length < 2 && !ended) {
      const { done, value } = await reader.read();
      if (done) ended = true;
      else head = concat(head, value);
    }
    let first: Uint8Array | undefined = head.length ? head : undefined;
    const replay = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (first) {
          controller.enqueue(first);
          first = undefined;
          return;
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    const gzip = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
    return (gzip ? ioPlatform.gunzip(replay) : replay).getReader();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      out ??= await decide();
      const { done, value } = await out.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => (out ?? reader).cancel(reason),
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * The rows of a CSV body (bytes, gzip or not), parsed as they arrive: a big export never
 * sits whole in memory. UTF-8; a byte-order mark is dropped (TextDecoder's default).
 */
export async function* csvRows(body: ReadableStream<Uint8Array>): AsyncGenerator<string[]> {
  const parser = csvRowParser();
  const text = maybeGunzip(body).pipeThrough(
    new TextDecoderStream("utf-8") as unknown as ReadableWritablePair<string, Uint8Array>,
  );
  for await (const piece of byteChunks(text)) yield* parser.push(piece);
  yield* parser.end();
}
