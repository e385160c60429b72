import { apiMethod, field, idField } from "./answer-fields.js";
import type { UploadJob } from "./single-upload.js";
import { storageFetch } from "./storage-fetch.js";

/**
 * A multipart upload (`files.post_multipart`): parts PUT to their presigned URLs a few at a
 * time (a small queue, as lib-storage's `Upload`), each retried. Unlike civis-python, whose
 * thread pool loses a failed part, a part that still fails stops the queue, waits for the
 * parts in flight and fails the upload; `post_multipart_complete` is called either way, so
 * the API completes the upload or (parts missing) aborts it, and none is left open.
 */
export async function multipartUpload(
  job: UploadJob & { readonly partSize: number; readonly concurrency: number },
): Promise<number> {
  const { client, blob, name, partSize, signal } = job;
  const numParts = Math.ceil(blob.size / partSize);
  const answer = await apiMethod(
    client,
    "files",
    "post_multipart",
  )({ name, num_parts: numParts, ...job.params }, { signal });
  const id = idField(answer, "id", "files.post_multipart");
  const urls = field(answer, "upload_urls");
  const complete = () => apiMethod(client, "files", "post_multipart_complete")(id);
  if (!Array.isArray(urls) || urls.length !== numParts) {
    await complete().catch(() => undefined);
    throw new Error(
      `files.post_multipart gave ${Array.isArray(urls) ? urls.length : "no"} upload URLs for ${numParts} parts (file ${id})`,
    );
  }
  // Stops the parts in flight once one has failed for good, or the caller aborts.
  const stop = new AbortController();
  const partSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let failure: unknown;
  let next = 0;
  const worker = async () => {
    while (failure === undefined && next < numParts) {
      const part = next++;
      const start = part * partSize;
      const body = blob.slice(start, Math.min(blob.size, start + partSize));
      try {
        const response = await storageFetch(
          job.fetchFor((loaded) => job.progress.sent(part, Math.min(loaded, body.size))),
          {
            what: `PUT upload of part ${part + 1} of ${numParts} (file ${id})`,
            url: String(urls[part]),
            init: { body },
            signal: partSignal,
            retryBaseMs: job.retryBaseMs,
          },
        );
        await response.body?.cancel();
        job.progress.sent(part, body.size);
      } catch (error) {
        if (failure === undefined) {
          failure = signal?.aborted ? signal.reason : error;
          stop.abort(failure);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(job.concurrency, numParts) }, () => worker()));
  if (failure === undefined) {
    await complete();
    return id;
  }
  // Closes the upload on the API's side (it aborts an upload with parts missing); the part's
  // error is what the caller needs to see, whatever this answers.
  await complete().catch(() => undefined);
  if (signal?.aborted) throw signal.reason;
  throw new Error(
    `${(failure as Error)?.message ?? String(failure)}; the multipart upload of file ${id} was closed without it`,
    { cause: failure },
  );
}
