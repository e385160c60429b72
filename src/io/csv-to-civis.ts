import type { IoClient } from "./answer-fields.js";
import {
  checkImport,
  importFuture,
  startImport,
  type TableImportOptions,
} from "./civis-file-to-table.js";
import type { CivisFuture } from "./core.js";
import { checkDatabase } from "./database-ids.js";
import { type FileToCivisOptions, fileToCivis } from "./file-to-civis.js";
import type { UploadSource } from "./upload-source.js";

export interface CsvToCivisOptions extends TableImportOptions {
  /** Upload progress in bytes. */
  onProgress?: FileToCivisOptions["onProgress"];
  /** The uploaded file's name. Default: the source's, else the table's. */
  fileName?: string;
  /** Upload options: a custom `fetch`, part size... */
  upload?: Omit<FileToCivisOptions, "onProgress" | "signal">;
}

/**
 * Uploads a CSV (a Node path or stream, a File, Blob or bytes) and imports it into a table
 * (civis-python's `csv_to_civis`): returns, at once, the future of the import run. Bad
 * arguments are errors before any request; a failed upload rejects the future.
 */
export function csvToCivis(
  client: IoClient,
  source: UploadSource,
  database: string | number,
  table: string,
  options: CsvToCivisOptions = {},
): CivisFuture {
  checkDatabase(database);
  const names = checkImport(table, options);
  // A source with no name of its own takes the table's, as dataframe_to_civis does.
  const upload = () =>
    fileToCivis(client, source, options.fileName, {
      ...options.upload,
      defaultName: names[1],
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }).then((id) => [id]);
  return importFuture(
    client,
    () => startImport(client, upload(), database, names, options),
    options,
  );
}
