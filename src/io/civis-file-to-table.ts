import { apiMethod, type IoClient, idField } from "./answer-fields.js";
import { delimiterName } from "./civis-to-csv.js";
import { CivisAPIError, CivisFuture } from "./core.js";
import { checkDatabase, credentialId, databaseId } from "./database-ids.js";
import { splitSchemaTablename } from "./split-schema-tablename.js";

/** A column of the destination table. */
export interface TableColumn {
  name?: string;
  sql_type?: string;
}

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
  /** `","` (default), `"\t"` or `"|"`. */
  delimiter?: "," | "\t" | "|";
  /** Whether the first row is a header. Default true. */
  headers?: boolean;
  /** `"none"` (default) or `"gzip"`: how the file is compressed. */
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
  const [schema, name] = splitSchemaTablename(table);
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
  if (!ids.length || ids.some((id) => typeof id !== "number" || !Number.isInteger(id) || id <= 0)) {
    throw new TypeError(
      `fileId must be a file id or a non-empty array of them, not ${JSON.stringify(fileId)}`,
    );
  }
  return ids;
}

/**
 * Creates the CSV import and starts its run (the import's own run routes, which the API
 * offers beside `jobs.post_runs`); resolves to `[importId, runId]` for the future.
 * (civis-python first runs `files.post_preprocess_csv` on each file to detect columns; here
 * the import's own detection is used: pass `tableColumns` to fix the types.)
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
      await apiMethod(client, "databases", "get_schemas_tables")(
        dbId,
        schema,
        table,
        {},
        { signal },
      );
      exists = true;
    } catch (error) {
      if (!(error instanceof CivisAPIError && error.status_code === 404)) throw error;
    }
  }
  const existing = options.existingTableRows ?? "fail";
  const loosen = (!exists || existing === "drop") && !typesGiven;
  const sortkeys = [options.sortkey1, options.sortkey2].filter((key) => key !== undefined);
  const answer = await apiMethod(
    client,
    "imports",
    "post_files_csv",
  )(
    {
      source: { file_ids: ids },
      destination: {
        schema,
        table,
        remote_host_id: dbId,
        credential_id: credId,
        ...(options.primaryKeys ? { primary_keys: options.primaryKeys } : {}),
        ...(options.lastModifiedKeys ? { last_modified_keys: options.lastModifiedKeys } : {}),
      },
      first_row_is_header: options.headers ?? true,
      name: `CSV import to ${schema}.${table}`,
      ...(options.maxErrors !== undefined ? { max_errors: options.maxErrors } : {}),
      existing_table_rows: existing,
      column_delimiter: delimiterName(options.delimiter ?? ","),
      compression: options.compression ?? "none",
      escaped: options.escaped ?? false,
      execution: options.execution ?? "immediate",
      loosen_types: loosen,
      ...(options.tableColumns?.length ? { table_columns: options.tableColumns } : {}),
      redshift_destination_options: {
        ...(options.distkey ? { distkey: options.distkey } : {}),
        ...(options.diststyle ? { diststyle: options.diststyle } : {}),
        ...(sortkeys.length ? { sortkeys } : {}),
      },
      hidden: options.hidden ?? true,
    },
    { signal },
  );
  const importId = idField(answer, "id", "imports.post_files_csv");
  const run = await apiMethod(client, "imports", "post_files_csv_runs")(importId, {}, { signal });
  return [importId, idField(run, "id", "imports.post_files_csv_runs")] as const;
}

/** The future of an import run, returned before the import exists. */
export function importFuture(
  client: IoClient,
  started: Promise<readonly [number, number]>,
  options: TableImportOptions,
): CivisFuture {
  const { signal } = options;
  return new CivisFuture(apiMethod(client, "imports", "get_files_csv_runs"), started, {
    client,
    ...(signal ? { signal } : {}),
    ...(options.pollingIntervalMs !== undefined
      ? { pollingIntervalMs: options.pollingIntervalMs }
      : {}),
  });
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
    startImport(client, Promise.resolve(ids), database, names, options),
    options,
  );
}
