import { apiMethod, type IoClient, idField } from "./answer-fields.js";
import type { CivisFuture } from "./core.js";
import { checkDatabase, credentialId, databaseId } from "./database-ids.js";
import { type AfterRun, followRun } from "./follow-run.js";
import { checkSqlParams, randomJobName, type SqlOptions } from "./sql-options.js";

/** `scripts.post_sql`'s `csv_settings`, by civis-python's (snake_case) names. */
export interface CsvSettings {
  include_header?: boolean;
  compression?: "gzip" | "zip" | "none";
  column_delimiter?: "comma" | "tab" | "pipe";
  unquoted?: boolean;
  filename_prefix?: string | null;
  force_multifile?: boolean;
  max_file_size?: number;
}

/** The checks of a SQL script's arguments, before any request. */
export function checkSqlScript(sql: string, database: string | number, options: SqlOptions): void {
  if (typeof sql !== "string" || !sql.trim()) throw new TypeError("sql must be a non-empty string");
  checkDatabase(database);
  checkSqlParams(options.sqlParamsArguments);
}

/**
 * Creates and runs a SQL script with a CSV output (civis-python's `_sql_script`) and returns,
 * at once, the future that follows the run (`scripts.get_sql_runs`). Bad arguments are
 * errors before any request; a failure after that rejects the future. `ready` is awaited
 * before the first request; `after` is the work the future waits for once the run is done.
 */
export function sqlScriptFuture(
  client: IoClient,
  sql: string,
  database: string | number,
  options: SqlOptions,
  csvSettings: CsvSettings,
  { ready, after }: { ready?: Promise<unknown>; after?: AfterRun } = {},
): CivisFuture {
  checkSqlScript(sql, database, options);
  const getRuns = apiMethod(client, "scripts", "get_sql_runs");
  const { signal } = options;
  const started = (async () => {
    await ready;
    const [dbId, credId] = await Promise.all([
      databaseId(client, database),
      credentialId(client, options.credentialId),
    ]);
    const script = await apiMethod(
      client,
      "scripts",
      "post_sql",
    )(
      {
        name: options.jobName || randomJobName(),
        remote_host_id: dbId,
        credential_id: credId,
        sql,
        hidden: options.hidden ?? true,
        csv_settings: csvSettings,
        ...options.sqlParamsArguments,
      },
      { signal },
    );
    const scriptId = idField(script, "id", "scripts.post_sql");
    const run = await apiMethod(client, "scripts", "post_sql_runs")(scriptId, {}, { signal });
    return [scriptId, idField(run, "id", "scripts.post_sql_runs")] as const;
  })();
  return followRun(client, getRuns, started, options, after);
}
