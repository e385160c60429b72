import type { IoClient } from "./answer-fields.js";
import type { CivisFuture } from "./core.js";
import type { SqlOptions } from "./sql-options.js";
import { type CsvSettings, sqlScriptFuture } from "./sql-script.js";

export interface ExportToCivisFileOptions extends SqlOptions {
  /** The CSV output's settings, by civis-python's names (`compression`, `column_delimiter`...). */
  csvSettings?: CsvSettings;
}

/**
 * Runs SQL into a Civis file and returns, at once, the future of the run (civis-python's
 * `export_to_civis_file`); the finished run's `output` lists the file (`file_id`, `path`).
 */
export function exportToCivisFile(
  client: IoClient,
  sql: string,
  database: string | number,
  options: ExportToCivisFileOptions = {},
): CivisFuture {
  return sqlScriptFuture(client, sql, database, options, options.csvSettings ?? {});
}
