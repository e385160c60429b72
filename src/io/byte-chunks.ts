/**
 * The chunks of a web ReadableStream as an async iterable, without relying on the stream's
 * own async iterator (Safari has none); leaving early cancels the stream.
 */
export async function* byteChunks<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
