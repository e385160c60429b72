import { apiMethod, type IoClient, idField } from "./answer-fields.js";
import type { CivisFuture } from "./core.js";
import { checkDatabase, credentialId, databaseId } from "./database-ids.js";
import { followRun } from "./follow-run.js";

export interface QueryCivisOptions {
  /** The database credential. Default: the user's default database credential. */
  credentialId?: number;
  /** Rows kept in the query's `result_rows` (at most 1000). Default 10. */
  previewRows?: number;
  /** A fixed wait between polls, in ms. Default: civis-python's schedule. */
  pollingIntervalMs?: number;
  /** Hide the query in the platform's lists. Default true. */
  hidden?: boolean;
  /** Stops waiting; the query itself goes on. */
  signal?: AbortSignal;
}

/**
 * Runs SQL as a query (`queries.post`) and returns, at once, the future that follows it
 * (`queries.get`), as civis-python's `query_civis`; the finished query carries `result_rows`
 * and `result_columns` for up to `previewRows` rows. For a whole result, see `readCivisSql`.
 */
export function queryCivis(
  client: IoClient,
  sql: string,
  database: string | number,
  options: QueryCivisOptions = {},
): CivisFuture {
  if (typeof sql !== "string" || !sql.trim()) throw new TypeError("sql must be a non-empty string");
  checkDatabase(database);
  const previewRows = options.previewRows ?? 10;
  if (!Number.isInteger(previewRows) || previewRows < 0 || previewRows > 1000) {
    throw new RangeError(`previewRows must be an integer from 0 to 1000, not ${previewRows}`);
  }
  // Before the query starts: a spec without it is a TypeError, not a query left running.
  const get = apiMethod(client, "queries", "get");
  const { signal } = options;
  const started = (async () => {
    const [dbId, credId] = await Promise.all([
      databaseId(client, database),
      credentialId(client, options.credentialId),
    ]);
    const query = await apiMethod(
      client,
      "queries",
      "post",
    )(
      {
        database: dbId,
        sql,
        preview_rows: previewRows,
        credential: credId,
        hidden: options.hidden ?? true,
      },
      { signal },
    );
    return [idField(query, "id", "queries.post")] as const;
  })();
  return followRun(client, get, started, options);
}
