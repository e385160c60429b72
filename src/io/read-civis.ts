import type { IoClient } from "./answer-fields.js";
import { type ReadCivisSqlOptions, readCivisSql, type SqlRow } from "./read-civis-sql.js";

export interface ReadCivisOptions extends ReadCivisSqlOptions {
  /** The columns to read (SQL expressions, as civis-python). Default: all (`*`). */
  columns?: string[];
}

/**
 * The rows of a table (civis-python's `read_civis`): `select <columns> from <table>` through
 * `readCivisSql`, with the same options and results.
 */
export function readCivis(
  client: IoClient,
  table: string,
  database: string | number,
  options: ReadCivisOptions & { iterator: true },
): AsyncIterable<SqlRow>;
export function readCivis(
  client: IoClient,
  table: string,
  database: string | number,
  options: ReadCivisOptions & { onRow: (row: SqlRow) => void },
): Promise<number>;
export function readCivis(
  client: IoClient,
  table: string,
  database: string | number,
  options: ReadCivisOptions & { objects: true },
): Promise<Record<string, string>[]>;
export function readCivis(
  client: IoClient,
  table: string,
  database: string | number,
  options?: ReadCivisOptions,
): Promise<string[][]>;
export function readCivis(
  client: IoClient,
  table: string,
  database: string | number,
  options: ReadCivisOptions & { iterator?: boolean } = {},
): AsyncIterable<SqlRow> | Promise<SqlRow[] | number> {
  if (typeof table !== "string" || !table.trim())
    throw new TypeError("table must be a non-empty string");
  const { columns } = options;
  if (
    columns !== undefined &&
    (!Array.isArray(columns) || columns.some((c) => typeof c !== "string"))
  ) {
    throw new TypeError("columns must be an array of strings");
  }
  const select = columns?.length ? columns.join(", ") : "*";
  return readCivisSql(
    client,
    `select ${select} from ${table}`,
    database,
    options as ReadCivisSqlOptions,
  );
}
