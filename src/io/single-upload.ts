import { apiMethod, asSent, field, type IoClient, idField } from "./answer-fields.js";
import { storageFetch } from "./storage-fetch.js";
import type { UploadFetchFor } from "./upload-fetch.js";
import type { ProgressReporter } from "./upload-progress.js";

export interface UploadJob {
  readonly client: IoClient;
  readonly fetchFor: UploadFetchFor;
  readonly blob: Blob;
  readonly name: string;
  /** `files.post` / `files.post_multipart` parameters other than the name. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly signal: AbortSignal | undefined;
  readonly progress: ProgressReporter;
  readonly retryBaseMs: number | undefined;
}

/**
 * One presigned form POST (`files.post`): S3 wants `key` as the first field and the file as
 * the last (its POST policy rules), so the form is built in that order.
 */
export async function singleUpload(job: UploadJob): Promise<number> {
  const { client, blob, name, signal } = job;
  const answer = await apiMethod(client, "files", "post")({ name, ...job.params }, { signal });
  const id = idField(answer, "id", "files.post");
  const url = field(answer, "upload_url");
  if (typeof url !== "string")
    throw new Error(`files.post answered without an upload_url (file ${id})`);
  const { key, ...rest } = asSent(field(answer, "upload_fields"));
  const form = new FormData();
  if (key !== undefined) form.append("key", String(key));
  for (const [fieldName, value] of Object.entries(rest)) form.append(fieldName, String(value));
  form.append("file", blob, name);
  // The form's fields and boundaries are sent too: its bytes are counted in the file's share.
  const onBytes = (loaded: number, total: number) =>
    job.progress.sent(0, Math.floor((loaded / total) * blob.size));
  const response = await storageFetch(job.fetchFor(onBytes), {
    what: `POST upload of file ${id}`,
    url,
    init: { body: form },
    signal,
    retryBaseMs: job.retryBaseMs,
  });
  await response.body?.cancel();
  job.progress.sent(0, blob.size);
  return id;
}
