// Queries (`queries.post` / `queries.get`) and SQL scripts with a CSV output (`scripts.post_sql`,
// `post_sql_runs`, `get_sql_runs`) against the sample database (see ../sql-engine.ts). Each
// takes a moment, as a real database does: the answer is known at once, but the run goes
// queued -> running -> succeeded / failed on the API's clock like every run of the sample API
// (a quick LiveRun, see live-runs.ts); a query's run (`queries.delete_runs`) and an export run
// (`delete_sql_runs`, or `jobs.delete_runs` as a CivisFuture does) can be cancelled until they
// end. An export's output is a
// gzip CSV file served at a presigned URL by the sample storage host; the file is written at
// the start, and a cancelled run leaves it in place but shows no output.

import Papa from "papaparse";
import { notFound } from "../api-error.js";
import type { HandlerContext, SampleArea } from "../area.js";
import type { JsonObject } from "../json.js";
import { created, find, isoAt, ok } from "../results.js";
import {
  arrayOf,
  body,
  bool,
  idParam,
  int,
  object,
  ok as okSchema,
  op,
  parentRun,
  ref,
  runPaths,
  str,
  time,
} from "../spec-builders.js";
import { runSql, type SampleTable, SqlError, type SqlResult, seedTables } from "../sql-engine.js";
import { gzip, presign } from "../storage.js";
import { type SampleData, takeId } from "../store.js";
import { addFile } from "./files.js";
import { cancelRun, findRun, LiveRun, quickPlan, startQuickRun } from "./live-runs.js";

interface Query {
  id: number;
  database: number;
  sql: string;
  previewRows: number;
  result: SqlResult | null;
  run: LiveRun;
}

interface SqlScript {
  id: number;
  name: string;
  sql: string;
  remoteHostId: number;
  credentialId: number;
  csvSettings: JsonObject;
  createdAt: number;
}

interface SqlRun {
  /** Its id, its SQL script's (`scriptId`), state and times. */
  run: LiveRun;
  /** The exported file, shown as the run's output once the run has succeeded. */
  fileId: number | null;
}

declare module "../store.js" {
  interface SampleData {
    /** The sample database's tables, keyed "schema.table" (imports add to them). */
    sqlTables: Map<string, SampleTable>;
    queries: Map<number, Query>;
    sqlScripts: Map<number, SqlScript>;
    sqlRuns: Map<number, SqlRun>;
  }
}

function execute(
  data: SampleData,
  sql: string,
): { result: SqlResult | null; error: string | null } {
  // Maintenance statements succeed with no rows: an export of one has no output.
  if (/^\s*(analyze|vacuum)\b/i.test(sql)) return { result: null, error: null };
  try {
    return { result: runSql(sql, data.sqlTables), error: null };
  } catch (error) {
    if (error instanceof SqlError) return { result: null, error: error.message };
    throw error;
  }
}

function queryView(query: Query, now: number): JsonObject {
  const { state, error, createdAt, startedAt, finishedAt } = query.run.at(now);
  const result = state === "succeeded" ? query.result : null;
  return {
    id: query.id,
    database: query.database,
    sql: query.sql,
    state,
    error,
    createdAt,
    startedAt,
    finishedAt,
    resultColumns: result ? result.columns : null,
    resultRows: result ? result.rows.slice(0, query.previewRows) : null,
    previewRows: query.previewRows,
    lastRunId: query.run.id,
  };
}

const queryRunParams = () => [
  idParam("id", "The ID of the Query job."),
  idParam("run_id", "The ID of the run."),
];

/** The query `params.id` whose run is `params.run_id`; a 404 when either is not so. */
function queryRun(data: SampleData, params: HandlerContext["params"]): Query {
  const query = find(data.queries, params.id);
  if (query.run.id !== Number(params.run_id)) throw notFound();
  return query;
}

/** The CSV an export writes: header as settings say, delimiter, quotes unless unquoted. */
function exportCsv(result: SqlResult, settings: JsonObject): string {
  const delimiter = { tab: "\t", pipe: "|" }[String(settings.columnDelimiter)] ?? ",";
  const rows = settings.includeHeader === false ? result.rows : [result.columns, ...result.rows];
  if (!rows.length) return "";
  return `${Papa.unparse(rows, { delimiter, newline: "\n", quotes: false })}\n`;
}

function runView(
  { run, fileId }: SqlRun,
  data: SampleData,
  now: number,
  origin: string,
): JsonObject {
  const moment = run.at(now);
  const file = fileId === null ? undefined : data.files.get(fileId);
  return {
    id: run.id,
    sqlId: run.scriptId,
    ...moment,
    output:
      moment.state === "succeeded" && file
        ? [
            {
              outputName: file.name,
              fileId: file.id,
              path: presign(origin, `files/${file.id}`, file.token, now),
            },
          ]
        : [],
  };
}

export const sql: SampleArea = {
  paths: {
    "/queries/": {
      post: op("queries", "Execute a query", [body("QueryCreateRequest")], okSchema(ref("Query"))),
    },
    "/queries/{id}": {
      get: op(
        "queries",
        "Get details about a query",
        [idParam("id", "The query ID.")],
        okSchema(ref("Query")),
      ),
    },
    "/queries/{id}/runs/{run_id}": {
      get: op("queries", "Check status of a run", queryRunParams(), okSchema(ref("QueryRun"))),
      delete: op("queries", "Cancel a run", queryRunParams(), { 202: { description: "success" } }),
    },
    "/scripts/sql": {
      post: op(
        "scripts",
        "Create a SQL script",
        [body("SqlScriptCreateRequest")],
        okSchema(ref("SqlScript"), "201"),
      ),
    },
    ...runPaths("scripts", "/scripts/sql", "The ID of the SQL script.", "SqlRun", true),
  },
  definitions: {
    QueryCreateRequest: {
      type: "object",
      required: ["database", "sql", "previewRows"],
      properties: {
        database: int("The database ID."),
        sql: str("The SQL to execute."),
        credential: int("The credential ID."),
        hidden: bool("The hidden status of the item."),
        previewRows: int("The number of rows to save from the query's result (maximum: 1000)."),
      },
    },
    Query: object({
      id: int("The query ID."),
      database: int("The database ID."),
      sql: str("The SQL to execute."),
      state: str(
        "The state of the last run. One of queued, running, succeeded, failed, or cancelled.",
      ),
      error: str("The error message for this run, if present."),
      createdAt: time("The time the query was created."),
      startedAt: time("The start time of the last run."),
      finishedAt: time("The end time of the last run."),
      resultColumns: arrayOf(
        str("A column name."),
        "A preview of the columns returned by the query.",
      ),
      resultRows: arrayOf(arrayOf(str("A value.")), "A preview of rows returned by the query."),
      previewRows: int("The number of rows to save from the query's result (maximum: 1000)."),
      lastRunId: int("The ID of the last run."),
    }),
    QueryRun: parentRun("queryId", "Query"),
    SqlScriptCreateRequest: {
      type: "object",
      required: ["name", "sql", "remoteHostId", "credentialId"],
      properties: {
        name: str("The name of the script."),
        sql: str("The raw SQL query for the script."),
        remoteHostId: int("The remote host ID that this script will connect to."),
        credentialId: int("The credential that this script will use."),
        hidden: bool("The hidden status of the item."),
        params: arrayOf({ type: "object" }, "A definition of the parameters this script accepts."),
        arguments: {
          type: "object",
          description: "Parameter-value pairs to use when running this script.",
        },
        csvSettings: object(
          {
            includeHeader: bool(
              "Whether or not to include headers in the output data. Default: true",
            ),
            compression: str(
              'The type of compression to use, if any, one of "none", "zip", or "gzip". Default: gzip',
            ),
            columnDelimiter: str(
              'Which delimiter to use, one of "comma", "tab", or "pipe". Default: comma',
            ),
            unquoted: bool("Whether or not to quote fields. Default: false"),
            forceMultifile: bool(
              "Whether or not the csv should be split into multiple files. Default: false",
            ),
            filenamePrefix: str(
              "A user specified filename prefix for the output file to have. Default: null",
            ),
            maxFileSize: int("The max file size, in MB, created files will be."),
          },
          "Parameters that determine the format of the generated file.",
        ),
      },
    },
    SqlScript: object({
      id: int("The ID for the script."),
      name: str("The name of the script."),
      sql: str("The raw SQL query for the script."),
      remoteHostId: int("The remote host ID that this script will connect to."),
      credentialId: int("The credential that this script will use."),
      createdAt: time("The time this script was created."),
    }),
    SqlRun: object({
      id: int("The ID of the run."),
      sqlId: int("The ID of the SQL script."),
      state: str(
        "The state of the run, one of 'queued' 'running' 'succeeded' 'failed' or 'cancelled'.",
      ),
      isCancelRequested: bool("True if run cancel requested, else false."),
      error: str("The error, if any, returned by the run."),
      createdAt: time("The time the run was created."),
      startedAt: time("The time the last run started at."),
      finishedAt: time("The time the last run completed."),
      output: arrayOf(
        object({
          outputName: str("The name of the output file."),
          fileId: int("The unique ID of the output file."),
          path: str("The temporary link to download this output file, valid for 36 hours."),
        }),
        "A list of the outputs of this script.",
      ),
    }),
  },
  handlers: {
    "POST /queries/": ({ data, body, now }) => {
      const fields = body as { database: number; sql: string; previewRows: number };
      const id = takeId(data, "queries");
      const { result, error } = execute(data, fields.sql);
      const query: Query = {
        id,
        database: fields.database,
        sql: fields.sql,
        previewRows: Math.min(1000, Math.max(0, fields.previewRows)),
        result,
        // Its one run, with an id of its own, as the real API's `lastRunId`.
        run: new LiveRun(takeId(data, "queryRuns"), id, quickPlan(error), now),
      };
      data.queries.set(query.id, query);
      return ok(queryView(query, now()));
    },
    "GET /queries/{id}": ({ data, params, now }) =>
      ok(queryView(find(data.queries, params.id), now())),
    "GET /queries/{id}/runs/{run_id}": ({ data, params, now }) => {
      const { run } = queryRun(data, params);
      return ok({ id: run.id, queryId: run.scriptId, ...run.at(now()) });
    },
    "DELETE /queries/{id}/runs/{run_id}": ({ data, params }) =>
      cancelRun(queryRun(data, params).run),
    "POST /scripts/sql": ({ data, body, now }) => {
      const fields = body as Omit<SqlScript, "id" | "createdAt"> & { csvSettings?: JsonObject };
      const script: SqlScript = {
        id: takeId(data, "sqlScripts"),
        name: fields.name,
        sql: fields.sql,
        remoteHostId: fields.remoteHostId,
        credentialId: fields.credentialId,
        csvSettings: fields.csvSettings ?? {},
        createdAt: now(),
      };
      data.sqlScripts.set(script.id, script);
      return created({ ...script, createdAt: isoAt(script.createdAt) });
    },
    "POST /scripts/sql/{id}/runs": async ({ data, params, now, origin }) => {
      const script = find(data.sqlScripts, params.id);
      const { result, error } = execute(data, script.sql);
      let fileId: number | null = null;
      if (result) {
        const text = new TextEncoder().encode(exportCsv(result, script.csvSettings));
        const zipped = script.csvSettings.compression !== "none";
        const file = addFile(data, now(), {
          name: `${script.csvSettings.filenamePrefix ?? `sql_script_${script.id}`}.csv${zipped ? ".gz" : ""}`,
          bytes: zipped ? await gzip(text) : text,
        });
        fileId = file.id;
      }
      const run: SqlRun = { run: startQuickRun(data, "sqlRuns", script.id, now, error), fileId };
      data.sqlRuns.set(run.run.id, run);
      return { status: 202, body: runView(run, data, now(), origin) };
    },
    "GET /scripts/sql/{id}/runs/{run_id}": ({ data, params, now, origin }) =>
      ok(runView(findRun(data.sqlRuns, params), data, now(), origin)),
    "DELETE /scripts/sql/{id}/runs/{run_id}": ({ data, params }) =>
      cancelRun(findRun(data.sqlRuns, params).run),
  },
  seed(data) {
    data.sqlTables = seedTables();
    data.queries = new Map();
    data.sqlScripts = new Map();
    data.sqlRuns = new Map();
    data.nextId.queries = 301;
    data.nextId.queryRuns = 3001;
    data.nextId.sqlScripts = 401;
    data.nextId.sqlRuns = 4001;
  },
};
