// CSV imports (`imports.post_files_csv`, its runs): a run reads the Civis files, parses them
// and writes the sample database's table, so a following `readCivis` returns the rows. Like
// every run of the sample API, a run goes queued -> running -> succeeded / failed on the
// API's clock (a quick LiveRun, see live-runs.ts); cancelled before it ends, it takes back
// the table it wrote.

import Papa from "papaparse";
import type { SampleArea } from "../area.js";
import type { JsonObject } from "../json.js";
import { created, find, isoAt, ok } from "../results.js";
import {
  arrayOf,
  body,
  bool,
  int,
  object,
  ok as okSchema,
  op,
  ref,
  runPaths,
  str,
  time,
} from "../spec-builders.js";
import { type SampleData, takeId } from "../store.js";
import { cancelRun, findRun, type LiveRun, startQuickRun } from "./live-runs.js";

interface CsvImport {
  id: number;
  name: string;
  fileIds: number[];
  schema: string;
  table: string;
  firstRowIsHeader: boolean;
  columnDelimiter: string;
  compression: string;
  existingTableRows: string;
  tableColumns: { name?: string; sqlType?: string }[];
}

interface CsvImportRun {
  /** Its id, its import's (`scriptId`), state and times; a cancel takes back its table. */
  run: LiveRun;
}

declare module "../store.js" {
  interface SampleData {
    csvImports: Map<number, CsvImport>;
    csvImportRuns: Map<number, CsvImportRun>;
  }
}

const DELIMITERS: Record<string, string> = { comma: ",", tab: "\t", pipe: "|" };

async function fileText(data: SampleData, id: number, compression: string): Promise<string> {
  const file = data.files.get(id);
  if (!file?.bytes) throw new Error(`File ${id} does not exist or has no content.`);
  let stream = new Blob([file.bytes as BlobPart]).stream();
  if (compression === "gzip") stream = stream.pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

/** Runs the import: the table is written at once, the run shown queued then running a moment. */
async function runImport(
  data: SampleData,
  job: CsvImport,
): Promise<{ error: string | null; undo: () => void }> {
  const key = `${job.schema}.${job.table}`.toLowerCase();
  const existing = data.sqlTables.get(key);
  const failed = (error: string) => ({ error, undo: () => {} });
  if (existing && job.existingTableRows === "fail") {
    return failed(`Table ${key} already exists and existingTableRows is "fail".`);
  }
  let columns: string[] | undefined;
  const rows: string[][] = [];
  try {
    for (const id of job.fileIds) {
      const text = (await fileText(data, id, job.compression)).replace(/^\uFEFF/, "");
      const parsed = Papa.parse<string[]>(text, {
        delimiter: DELIMITERS[job.columnDelimiter] ?? ",",
        skipEmptyLines: true,
      }).data;
      if (job.firstRowIsHeader) {
        const header = parsed.shift();
        columns ??= header?.map((name) => name.trim().toLowerCase());
      }
      rows.push(...parsed);
    }
  } catch (error) {
    return failed((error as Error).message);
  }
  columns ??=
    job.tableColumns.length > 0
      ? job.tableColumns.map((column, i) => column.name ?? `column_${i + 1}`)
      : (rows[0] ?? []).map((_, i) => `column_${i + 1}`);
  const keep =
    existing && (job.existingTableRows === "append" || job.existingTableRows === "upsert");
  const written = {
    columns: keep ? existing.columns : columns,
    rows: keep ? [...existing.rows, ...rows] : rows,
  };
  data.sqlTables.set(key, written);
  const undo = () => {
    // Unless another import has written the table since.
    if (data.sqlTables.get(key) !== written) return;
    if (existing) data.sqlTables.set(key, existing);
    else data.sqlTables.delete(key);
  };
  return { error: null, undo };
}

const runView = ({ run }: CsvImportRun, now: number): JsonObject => ({
  id: run.id,
  csvImportId: run.scriptId,
  ...run.at(now),
});

export const imports: SampleArea = {
  paths: {
    "/imports/files/csv": {
      post: op(
        "imports",
        "Create a CSV Import",
        [body("CsvImportCreateRequest")],
        okSchema(ref("CsvImport"), "201"),
      ),
    },
    ...runPaths(
      "imports",
      "/imports/files/csv",
      "The ID of the CSV Import job.",
      "CsvImportRun",
      true,
    ),
  },
  definitions: {
    CsvImportCreateRequest: {
      type: "object",
      required: ["source", "destination", "firstRowIsHeader"],
      properties: {
        name: str("The name of the import."),
        source: object(
          { fileIds: arrayOf(int("A file ID."), "The file ID(s) to import.") },
          "The source file(s).",
        ),
        destination: object(
          {
            schema: str("The destination schema name."),
            table: str("The destination table name."),
            remoteHostId: int("The ID of the destination database host."),
            credentialId: int(
              "The ID of the credentials to be used when performing the database import.",
            ),
            primaryKeys: arrayOf(
              str("A column."),
              "A list of the primary key column(s) of the destination table.",
            ),
            lastModifiedKeys: arrayOf(
              str("A column."),
              "A list of the columns indicating a record has been updated.",
            ),
          },
          "The destination table.",
        ),
        firstRowIsHeader: bool("Whether or not the first row of the source file is a header row."),
        columnDelimiter: str(
          'The column delimiter for the file. Valid arguments are "comma", "tab", and "pipe".',
        ),
        escaped: bool("Whether or not the source file has quotes escaped with a backslash."),
        compression: str(
          'The type of compression of the source file. Valid arguments are "gzip" and "none".',
        ),
        existingTableRows: str(
          'The behavior if a destination table with the requested name already exists. One of "fail", "truncate", "append", "drop", or "upsert".',
        ),
        maxErrors: int("The maximum number of rows with errors to ignore before failing."),
        tableColumns: arrayOf(
          object({ name: str("The column name."), sqlType: str("The SQL type of the column.") }),
          "An array of hashes corresponding to the columns in the order they appear in the source file.",
        ),
        loosenTypes: bool(
          "If true, SQL types with precisions/lengths will have these values increased.",
        ),
        execution: str(
          'In upsert mode, controls the movement of data. One of "immediate" or "delayed".',
        ),
        redshiftDestinationOptions: object({
          diststyle: str("The diststyle to use for the table."),
          distkey: str("Distkey for this table in Redshift."),
          sortkeys: arrayOf(str("A column."), "Sortkeys for this table in Redshift."),
        }),
        hidden: bool("The hidden status of the item."),
      },
    },
    CsvImport: object({
      id: int("The ID for the import."),
      name: str("The name of the import."),
      existingTableRows: str(
        "The behavior if a destination table with the requested name already exists.",
      ),
      firstRowIsHeader: bool("Whether or not the first row of the source file is a header row."),
      createdAt: time("The time the import was created."),
    }),
    CsvImportRun: object({
      id: int("The ID of the run."),
      csvImportId: int("The ID of the CSV Import job."),
      state: str(
        "The state of the run, one of 'queued' 'running' 'succeeded' 'failed' or 'cancelled'.",
      ),
      isCancelRequested: bool("True if run cancel requested, else false."),
      error: str("The error, if any, returned by the run."),
      createdAt: time("The time the run was created."),
      startedAt: time("The time the last run started at."),
      finishedAt: time("The time the last run completed."),
    }),
  },
  handlers: {
    "POST /imports/files/csv": ({ data, body, now }) => {
      const fields = body as {
        name?: string;
        source: { fileIds?: number[] };
        destination: { schema?: string; table?: string };
        firstRowIsHeader: boolean;
        columnDelimiter?: string;
        compression?: string;
        existingTableRows?: string;
        tableColumns?: { name?: string; sqlType?: string }[];
      };
      const job: CsvImport = {
        id: takeId(data, "csvImports"),
        name: fields.name ?? "CSV import",
        fileIds: fields.source.fileIds ?? [],
        schema: fields.destination.schema ?? "public",
        table: fields.destination.table ?? "",
        firstRowIsHeader: fields.firstRowIsHeader,
        columnDelimiter: fields.columnDelimiter ?? "comma",
        compression: fields.compression ?? "none",
        existingTableRows: fields.existingTableRows ?? "fail",
        tableColumns: fields.tableColumns ?? [],
      };
      data.csvImports.set(job.id, job);
      return created({
        id: job.id,
        name: job.name,
        existingTableRows: job.existingTableRows,
        firstRowIsHeader: job.firstRowIsHeader,
        createdAt: isoAt(now()),
      });
    },
    "POST /imports/files/csv/{id}/runs": async ({ data, params, now }) => {
      const job = find(data.csvImports, params.id);
      const { error, undo } = await runImport(data, job);
      const run = startQuickRun(data, "csvImportRuns", job.id, now, error);
      run.onCancel = undo;
      data.csvImportRuns.set(run.id, { run });
      return { status: 202, body: runView({ run }, now()) };
    },
    "GET /imports/files/csv/{id}/runs/{run_id}": ({ data, params, now }) =>
      ok(runView(findRun(data.csvImportRuns, params), now())),
    "DELETE /imports/files/csv/{id}/runs/{run_id}": ({ data, params }) =>
      cancelRun(findRun(data.csvImportRuns, params).run),
  },
  seed(data) {
    data.csvImports = new Map();
    data.csvImportRuns = new Map();
    data.nextId.csvImports = 601;
    data.nextId.csvImportRuns = 6001;
  },
};
