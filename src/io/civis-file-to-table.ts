import { splitSchemaTable } from "../internal.js";
import { type ApiMethod, apiMethod, type IoClient, idField } from "./answer-fields.js";
import { delimiterName } from "./civis-to-csv.js";
import { CivisAPIError, type CivisFuture } from "./core.js";
import { checkDatabase, credentialId, databaseId } from "./database-ids.js";
import { followRun } from "./follow-run.js";
import { preprocessCsv, type TableColumn } from "./preprocess-csv.js";

export type { TableColumn } from "./preprocess-csv.js";

/** Options of `civisFileToTable` and `csvToCivis`: civis-python's keyword arguments. */
export interface TableImportOptions {
  /** Rows with errors to ignore before the import fails. */
  maxErrors?: number;
  /** When the table exists: `"fail"` (default), `"truncate"`, `"append"`, `"drop"` or `"upsert"`. */
  existingTableRows?: "fail" | "truncate" | "append" | "drop" | "upsert";
  diststyle?: string;
  distkey?: string;
  sortkey1?: string;
  sortkey2?: string;
  /** The columns, in file order (`name`, `sql_type`); all with a `sql_type` or none. */
  tableColumns?: TableColumn[];
  /** For `"upsert"`. */
  primaryKeys?: string[];
  /** For `"upsert"`. */
  lastModifiedKeys?: string[];
  /** Quotes escaped with a backslash. Default false. */
  escaped?: boolean;
  /** Upsert data movement: `"immediate"` (default) or `"delayed"`. */
  execution?: "immediate" | "delayed";
  /** `","`, `"\t"` or `"|"`. Default: detected by the preprocess step (else `","`). */
  delimiter?: "," | "\t" | "|";
  /** Whether the first row is a header. Default: detected by the preprocess step (else true). */
  headers?: boolean;
  /**
   * `"none"` (default) or `"gzip"`: how the file is compressed. The preprocess step detects
   * it; this is used only with an API that has none (`files.post_preprocess_csv`).
   */
  compression?: "none" | "gzip";
  /** The database credential. Default: the user's default database credential. */
  credentialId?: number;
  /** A fixed wait between polls, in ms. Default: civis-python's schedule. */
  pollingIntervalMs?: number;
  /** Hide the import in the platform's lists. Default true. */
  hidden?: boolean;
  /** Stops waiting; the import itself goes on. */
  signal?: AbortSignal;
}

const EXISTING = new Set(["fail", "truncate", "append", "drop", "upsert"]);

/** civis-python's checks of the import's arguments, all before any request. */
export function checkImport(table: string, options: TableImportOptions): [string, string] {
  const [schema, name] = splitSchemaTable(table);
  if (schema === undefined)
    throw new TypeError(`the table "${table}" needs a schema: "schema.table"`);
  if (options.existingTableRows !== undefined && !EXISTING.has(options.existingTableRows)) {
    throw new TypeError(
      `existingTableRows must be one of fail, truncate, append, drop, upsert, not ${JSON.stringify(options.existingTableRows)}`,
    );
  }
  if (options.delimiter !== undefined) delimiterName(options.delimiter);
  const columns = options.tableColumns;
  if (columns?.length) {
    const extra = [...new Set(columns.flatMap((column) => Object.keys(column)))].filter(
      (key) => key !== "name" && key !== "sql_type",
    );
    if (extra.length) {
      throw new TypeError(
        `tableColumns entries take only "name" and "sql_type", not ${extra.map((k) => `"${k}"`).join(", ")}`,
      );
    }
    const typed = columns.filter((column) => column.sql_type).length;
    if (typed !== 0 && typed !== columns.length) {
      throw new TypeError("some tableColumns have a sql_type and others do not: give all or none");
    }
  }
  return [schema, name];
}

/** Checks file ids: one positive integer or a non-empty array of them. */
export function checkFileIds(fileId: number | number[]): number[] {
  const ids = Array.isArray(fileId) ? fileId : [fileId];
  // Number.isInteger is false for anything but a number.
  if (!ids.length || ids.some((id) => !Number.isInteger(id) || id <= 0)) {
    throw new TypeError(
      `fileId must be a file id or a non-empty array of them, not ${JSON.stringify(fileId)}`,
    );
  }
  return ids;
}

/**
 * civis-python's route: cleans each file with the preprocess step (`files.post_preprocess_csv`,
 * which detects the header, delimiter, compression and, for a new table without given types,
 * the columns), creates the CSV import of the cleaned files and starts its run (the import's
 * own run routes, beside `jobs.post_runs`); resolves to `[importId, runId]` for the future.
 */
export async function startImport(
  client: IoClient,
  fileIds: Promise<number[]>,
  database: string | number,
  [schema, table]: [string, string],
  options: TableImportOptions,
): Promise<readonly [number, number]> {
  const { signal } = options;
  const [ids, dbId, credId] = await Promise.all([
    fileIds,
    databaseId(client, database),
    credentialId(client, options.credentialId),
  ]);
  const typesGiven = Boolean(
    options.tableColumns?.length && options.tableColumns.every((c) => c.sql_type),
  );
  let exists = false;
  // A spec without this lookup (a small test API) counts the table as new.
  const getTable = (client.databases as Record<string, unknown> | undefined)?.get_schemas_tables;
  if (typeof getTable === "function") {
    try {
      await (getTable as ApiMethod)(dbId, schema, table, {}, { signal });
      exists = true;
    } catch (error) {
      if (!(error instanceof CivisAPIError && error.status_code === 404)) throw error;
    }
  }
  const existing = options.existingTableRows ?? "fail";
  // The columns and their types are detected when the table is new (or dropped) and the
  // caller did not give the types; then their lengths may grow (loosen_types).
  const needColumns = (!exists || existing === "drop") && !typesGiven;
  // An API without the preprocess step (a small test API) imports the files as they are.
  const files = client.files as Record<string, unknown> | undefined;
  const cleaned =
    typeof files?.post_preprocess_csv === "function"
      ? await preprocessCsv(client, ids, needColumns, {
          headers: options.headers,
          delimiter: options.delimiter && delimiterName(options.delimiter),
          hidden: options.hidden,
          pollingIntervalMs: options.pollingIntervalMs,
          signal,
        })
      : undefined;
  const tableColumns: TableColumn[] | undefined =
    needColumns && cleaned ? cleaned.tableColumns : options.tableColumns;
  const sortkeys = [options.sortkey1, options.sortkey2].filter((key) => key !== undefined);
  // Options not given are undefined, and a request body leaves undefined fields out.
  const answer = await apiMethod(
    client,
    "imports",
    "post_files_csv",
  )(
    {
      source: { file_ids: cleaned?.fileIds ?? ids },
      destination: {
        schema,
        table,
        remote_host_id: dbId,
        credential_id: credId,
        primary_keys: options.primaryKeys,
        last_modified_keys: options.lastModifiedKeys,
      },
      first_row_is_header: cleaned?.headers ?? options.headers ?? true,
      name: `CSV import to ${schema}.${table}`,
      max_errors: options.maxErrors,
      existing_table_rows: existing,
      column_delimiter: cleaned?.delimiter ?? delimiterName(options.delimiter ?? ","),
      compression: cleaned?.compression ?? options.compression ?? "none",
      escaped: options.escaped ?? false,
      execution: options.execution ?? "immediate",
      loosen_types: needColumns,
      table_columns: tableColumns?.length ? tableColumns : undefined,
      redshift_destination_options: {
        distkey: options.distkey || undefined,
        diststyle: options.diststyle || undefined,
        sortkeys: sortkeys.length ? sortkeys : undefined,
      },
      hidden: options.hidden ?? true,
    },
    { signal },
  );
  const importId = idField(answer, "id", "imports.post_files_csv");
  const run = await apiMethod(client, "imports", "post_files_csv_runs")(importId, {}, { signal });
  return [importId, idField(run, "id", "imports.post_files_csv_runs")] as const;
}

/**
 * The future of an import run, returned before the import exists. The getter is looked up
 * before `start` runs: a spec without it was a TypeError thrown after the upload or lookups
 * had begun, whose own failure then went unhandled.
 */
export function importFuture(
  client: IoClient,
  start: () => Promise<readonly [number, number]>,
  options: TableImportOptions,
): CivisFuture {
  const getter = apiMethod(client, "imports", "get_files_csv_runs");
  return followRun(client, getter, start(), options);
}

/**
 * Imports Civis files of CSV into a table (civis-python's `civis_file_to_table`):
 * `imports.post_files_csv`, then a run, followed by the CivisFuture returned at once.
 */
export function civisFileToTable(
  client: IoClient,
  fileId: number | number[],
  database: string | number,
  table: string,
  options: TableImportOptions = {},
): CivisFuture {
  const ids = checkFileIds(fileId);
  checkDatabase(database);
  const names = checkImport(table, options);
  return importFuture(
    client,
    () => startImport(client, Promise.resolve(ids), database, names, options),
    options,
  );
}
