import type { IoClient } from "./answer-fields.js";
import { csvRows } from "./csv-rows.js";
import { exportToCivisFile } from "./export-to-civis-file.js";
import type { SqlOptions } from "./sql-options.js";
import { openSqlOutput } from "./sql-output.js";

/** A row: strings in column order, or with `objects: true`, a record keyed by the header. */
export type SqlRow = string[] | Record<string, string>;

export interface ReadCivisSqlOptions extends SqlOptions {
  /** Keep the header as the first row. Default true; ignored with `objects`. */
  header?: boolean;
  /** Rows as records keyed by the header's names. Default false. */
  objects?: boolean;
  /** Called with each row as it is parsed; the promise then resolves to the number of rows. */
  onRow?: (row: SqlRow) => void;
}

/**
 * The rows of a SQL query (civis-python's `read_civis_sql`): a SQL script exports a gzip CSV,
 * a CivisFuture follows it, and the output is downloaded and parsed as it arrives.
 * - default: all rows at once (strings; the first row the header, unless `header: false`);
 * - `objects: true`: records keyed by the header;
 * - `onRow`: each row as it is parsed, nothing kept (resolves to the number of data rows);
 * - `iterator: true`: an async iterable of rows, returned at once (nothing starts until the
 *   first row is asked for), for results too big to hold.
 * A SQL error rejects with the run's CivisJobFailure (the database's message).
 */
export function readCivisSql(
  client: IoClient,
  sql: string,
  database: string | number,
  options: ReadCivisSqlOptions & { iterator: true },
): AsyncIterable<SqlRow>;
export function readCivisSql(
  client: IoClient,
  sql: string,
  database: string | number,
  options: ReadCivisSqlOptions & { onRow: (row: SqlRow) => void },
): Promise<number>;
export function readCivisSql(
  client: IoClient,
  sql: string,
  database: string | number,
  options: ReadCivisSqlOptions & { objects: true },
): Promise<Record<string, string>[]>;
export function readCivisSql(
  client: IoClient,
  sql: string,
  database: string | number,
  options?: ReadCivisSqlOptions,
): Promise<string[][]>;
export function readCivisSql(
  client: IoClient,
  sql: string,
  database: string | number,
  options: ReadCivisSqlOptions & { iterator?: boolean } = {},
): AsyncIterable<SqlRow> | Promise<SqlRow[] | number> {
  if (options.iterator)
    return { [Symbol.asyncIterator]: () => sqlRows(client, sql, database, options) };
  return collect(sqlRows(client, sql, database, options), options.onRow);
}

async function collect(
  rows: AsyncGenerator<SqlRow>,
  onRow: ((row: SqlRow) => void) | undefined,
): Promise<SqlRow[] | number> {
  if (onRow) {
    let count = 0;
    for await (const row of rows) {
      onRow(row);
      count++;
    }
    return count;
  }
  const all: SqlRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** The rows of the query's export, shaped by `header` and `objects`. */
export async function* sqlRows(
  client: IoClient,
  sql: string,
  database: string | number,
  options: ReadCivisSqlOptions,
): AsyncGenerator<SqlRow> {
  const future = exportToCivisFile(client, sql, database, {
    ...options,
    csvSettings: { compression: "gzip" },
  });
  const body = await openSqlOutput(client, await future, future, options);
  let names: string[] | undefined;
  for await (const row of csvRows(body)) {
    if (names === undefined) {
      names = row;
      if (!options.objects && options.header !== false) yield row;
      continue;
    }
    if (!options.objects) {
      yield row;
      continue;
    }
    const record: Record<string, string> = {};
    names.forEach((name, i) => {
      record[name] = row[i] ?? "";
    });
    yield record;
  }
}
