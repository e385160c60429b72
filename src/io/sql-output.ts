import { clientFetch, field, type IoClient } from "./answer-fields.js";
import type { CivisFuture, Response as CivisResponse } from "./core.js";
import { EmptyResultError } from "./empty-result-error.js";
import type { SqlOptions } from "./sql-options.js";
import { storageFetch } from "./storage-fetch.js";

/**
 * Opens the first output's URL of a finished export (civis-python reads `output[0].path`).
 * An export with no output is an EmptyResultError.
 */
export async function openSqlOutput(
  client: IoClient,
  run: CivisResponse,
  future: CivisFuture,
  options: SqlOptions,
): Promise<ReadableStream<Uint8Array>> {
  const outputs = field(run, "output");
  const first = Array.isArray(outputs) ? outputs[0] : undefined;
  const url = first === undefined ? undefined : field(first, "path");
  if (typeof url !== "string" || !url) {
    throw new EmptyResultError(
      `SQL script ${future.job_id} run ${future.run_id} finished with no output to download`,
    );
  }
  const response = await storageFetch(clientFetch(client, options.fetch), {
    what: `GET download of the output of SQL script ${future.job_id}`,
    url,
    init: {},
    signal: options.signal,
    retryBaseMs: options.retryBaseMs,
  });
  return response.body ?? new ReadableStream({ start: (c) => c.close() });
}
