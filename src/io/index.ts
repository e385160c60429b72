// `civis/io`: SQL, tables and files (civis-python's `civis.io`). README "civis/io" maps the names.

// civis-python's `split_schema_tablename`: the client's own splitter (get_table_id's), one for both.
export { splitSchemaTable as splitSchemaTablename } from "../internal.js";
export type { IoClient } from "./answer-fields.js";
export {
  civisFileToTable,
  type TableColumn,
  type TableImportOptions,
} from "./civis-file-to-table.js";
export { CivisStorageError } from "./civis-storage-error.js";
export { type CivisToCsvOptions, civisToCsv } from "./civis-to-csv.js";
export { type CivisToFileOptions, civisToFile } from "./civis-to-file.js";
export { type CsvToCivisOptions, csvToCivis } from "./csv-to-civis.js";
export type { DownloadDestination, NodeWritableLike } from "./download-destination.js";
export { EmptyResultError } from "./empty-result-error.js";
export { type ExportToCivisFileOptions, exportToCivisFile } from "./export-to-civis-file.js";
export { type FileToCivisOptions, fileToCivis } from "./file-to-civis.js";
export { fileToJson } from "./file-to-json.js";
export { jsonToCivisFile } from "./json-to-civis-file.js";
export { CivisImportError } from "./preprocess-csv.js";
export { type QueryCivisOptions, queryCivis } from "./query-civis.js";
export { type ReadCivisOptions, readCivis } from "./read-civis.js";
export { type ReadCivisSqlOptions, readCivisSql, type SqlRow } from "./read-civis-sql.js";
export type { SqlOptions } from "./sql-options.js";
export type { CsvSettings } from "./sql-script.js";
export type { UploadProgress } from "./upload-progress.js";
export type { UploadSource } from "./upload-source.js";
