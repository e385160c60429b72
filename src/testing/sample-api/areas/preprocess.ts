// CSV preprocessing (`files.post_preprocess_csv`), which civis-python runs on every file before
// a CSV import: a job (run with `jobs.post_runs`, followed with `jobs.get_runs`) that cleans
// the file into a new one (its run's one output) and, on that file, records what it detected
// in `detectedInfo`: the header row, the delimiter, the compression and, when asked, the
// columns with their SQL types. It is worked out when the job is created; the run (a quick
// LiveRun, like every run of the sample API) shows it once it has succeeded, or fails with
// the reason (no such file, nothing in it, a broken quote).

import Papa from "papaparse";
import type { SampleArea } from "../area.js";
import type { JsonObject } from "../json.js";
import { created, find, isoAt, ok } from "../results.js";
import { body, bool, idParam, int, ok as okSchema, op, ref, str } from "../spec-builders.js";
import { type SampleData, takeId } from "../store.js";
import type { Schema } from "../swagger.js";
import { addFile } from "./files.js";
import { QUICK_RUN } from "./live-runs.js";
import { currentUser } from "./users.js";

const DELIMITERS: Record<string, string> = { comma: ",", tab: "\t", pipe: "|" };

interface PreprocessJob {
  id: number;
  fileId: number;
  inPlace: boolean;
  detectTableColumns: boolean;
  forceCharacterSetConversion: boolean;
  includeHeader: boolean | null;
  columnDelimiter: string | null;
  hidden: boolean;
}

declare module "../store.js" {
  interface SampleData {
    preprocessJobs: Map<number, PreprocessJob>;
  }
}

/** The file's text (gzip undone, BOM dropped), or why there is none. */
async function fileText(
  data: SampleData,
  id: number,
  now: number,
): Promise<{ text: string; gzip: boolean } | string> {
  const file = data.files.get(id);
  if (!file?.bytes || (file.expiresAt !== null && file.expiresAt <= now)) {
    return `File ${id} does not exist, has expired or has no content.`;
  }
  const gzip = file.bytes[0] === 0x1f && file.bytes[1] === 0x8b;
  let stream = new Blob([file.bytes as BlobPart]).stream();
  if (gzip) stream = stream.pipeThrough(new DecompressionStream("gzip"));
  const text = (await new Response(stream).text()).replace(/^\uFEFF/, "");
  return { text, gzip };
}

const isNumber = (value: string) => value.trim() !== "" && Number.isFinite(Number(value));

/** The SQL type of a column's values, as the real detection names them. */
function sqlType(values: string[]): string {
  const given = values.filter((value) => value !== "");
  if (given.length && given.every((value) => /^-?\d+$/.test(value))) return "INT";
  if (given.length && given.every(isNumber)) return "DOUBLE PRECISION";
  if (given.length && given.every((value) => /^\d{4}-\d{2}-\d{2}$/.test(value))) return "DATE";
  return `VARCHAR(${Math.max(1, ...values.map((value) => value.length))})`;
}

/** What the job detects in the file, and the cleaned file's text; or the run's error. */
function detect(
  job: PreprocessJob,
  text: string,
): { info: JsonObject; cleaned: string } | { error: string } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiterName =
    job.columnDelimiter ??
    Object.keys(DELIMITERS).reduce((best, name) =>
      firstLine.split(DELIMITERS[name]!).length > firstLine.split(DELIMITERS[best]!).length
        ? name
        : best,
    );
  const parsed = Papa.parse<string[]>(text, {
    delimiter: DELIMITERS[delimiterName] ?? ",",
    skipEmptyLines: true,
  });
  const broken = parsed.errors.find((error) => error.code !== "UndetectableDelimiter");
  if (broken) {
    return {
      error: `File ${job.fileId} is not a valid CSV: ${broken.message} (row ${broken.row}).`,
    };
  }
  const rows = parsed.data;
  if (!rows.length) return { error: `File ${job.fileId} is empty.` };
  // A first row of names over rows with numbers in them is a header.
  const header =
    job.includeHeader ??
    (rows[0]!.every((cell) => cell.trim() !== "" && !isNumber(cell)) &&
      rows.slice(1).some((row) => row.some(isNumber)));
  const body = header ? rows.slice(1) : rows;
  const tableColumns = job.detectTableColumns
    ? rows[0]!.map((cell, i) => ({
        name: header ? cell.trim() : `column_${i + 1}`,
        sqlType: sqlType(body.map((row) => row[i] ?? "")),
      }))
    : [];
  const cleaned = `${Papa.unparse(rows, { delimiter: DELIMITERS[delimiterName], newline: "\n" })}\n`;
  return {
    info: {
      includeHeader: header,
      columnDelimiter: delimiterName,
      compression: "none",
      tableColumns,
    },
    cleaned,
  };
}

function jobView(job: PreprocessJob): JsonObject {
  return { ...job };
}

const jobFields = (): Record<string, Schema> => ({
  fileId: int("The ID of the file."),
  inPlace: bool(
    "If true, the file is cleaned in place. If false, a new file ID is created. Defaults to true.",
  ),
  detectTableColumns: bool(
    "If true, detect the table columns in the file including the sql types. If false, skip table column detection.Defaults to false.",
  ),
  forceCharacterSetConversion: bool(
    "If true, the file will always be converted to UTF-8 and any character that cannot be converted will be discarded. If false, the character set conversion will only run if the detected character set is not compatible with UTF-8 (e.g., UTF-8, ASCII).",
  ),
  includeHeader: bool(
    "A boolean value indicating whether or not the first row of the file is a header row. If not provided, will attempt to auto-detect whether a header row is present.",
  ),
  columnDelimiter: str(
    'The column delimiter for the file. One of "comma", "tab", or "pipe". If not provided, the column delimiter will be auto-detected.',
  ),
  hidden: bool("The hidden status of the item."),
});

export const preprocess: SampleArea = {
  paths: {
    "/files/preprocess/csv": {
      post: op(
        "files",
        "Create a Preprocess CSV",
        [body("PreprocessCsvCreateRequest")],
        okSchema(ref("PreprocessCsv"), "201"),
      ),
    },
    "/files/preprocess/csv/{id}": {
      get: op(
        "files",
        "Get a Preprocess CSV",
        [idParam("id", "The ID of the job created.")],
        okSchema(ref("PreprocessCsv")),
      ),
    },
  },
  definitions: {
    PreprocessCsvCreateRequest: {
      type: "object",
      required: ["fileId"],
      properties: jobFields(),
    },
    PreprocessCsv: {
      type: "object",
      required: [
        "id",
        "fileId",
        "inPlace",
        "detectTableColumns",
        "forceCharacterSetConversion",
        "includeHeader",
        "columnDelimiter",
        "hidden",
      ],
      properties: { id: int("The ID of the job created."), ...jobFields() },
    },
  },
  handlers: {
    "POST /files/preprocess/csv": async ({ data, body, now }) => {
      const fields = body as Partial<PreprocessJob> & { fileId: number };
      const job: PreprocessJob = {
        id: takeId(data, "scripts"),
        fileId: fields.fileId,
        inPlace: fields.inPlace ?? true,
        detectTableColumns: fields.detectTableColumns ?? false,
        forceCharacterSetConversion: fields.forceCharacterSetConversion ?? false,
        includeHeader: fields.includeHeader ?? null,
        columnDelimiter: fields.columnDelimiter ?? null,
        hidden: fields.hidden ?? true,
      };
      data.preprocessJobs.set(job.id, job);
      const read = await fileText(data, job.fileId, now());
      const found = typeof read === "string" ? { error: read } : detect(job, read.text);
      let outputs: { objectType: string; objectId: number; name: string }[] = [];
      if ("info" in found) {
        const source = data.files.get(job.fileId)!;
        const bytes = new TextEncoder().encode(found.cleaned);
        const file = job.inPlace
          ? Object.assign(source, { bytes })
          : addFile(data, now(), { name: source.name, bytes });
        file.detectedInfo = found.info;
        outputs = [{ objectType: "File", objectId: file.id, name: file.name }];
      }
      const at = isoAt(now());
      // A job like any other, so jobs.post_runs runs it and jobs.get_runs follows it.
      data.scripts.set(job.id, {
        id: job.id,
        name: `Preprocess CSV for file ${job.fileId}`,
        type: "JobTypes::CsvPreprocess",
        state: "idle",
        arguments: {},
        environmentVariables: {},
        user: currentUser(data),
        archived: false,
        createdAt: at,
        updatedAt: at,
      });
      data.runPlans.set(job.id, () => ({
        ...QUICK_RUN,
        outcome: "error" in found ? "failed" : "succeeded",
        error: "error" in found ? found.error : null,
        logs: [[0, `Preprocessing file ${job.fileId}`]],
        outputs,
      }));
      return created(jobView(job));
    },
    "GET /files/preprocess/csv/{id}": ({ data, params }) =>
      ok(jobView(find(data.preprocessJobs, params.id))),
  },
  seed(data) {
    data.preprocessJobs = new Map();
  },
};
