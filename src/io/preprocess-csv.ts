import { apiMethod, field, type IoClient, idField } from "./answer-fields.js";
import { CivisError, runJob } from "./core.js";

/**
 * Files that cannot be imported together, or whose detected format contradicts what was
 * given (civis-python's `CivisImportError`).
 */
export class CivisImportError extends CivisError {
  override readonly name = "CivisImportError" as const;
}

/** A column of the destination table. */
export interface TableColumn {
  name?: string;
  sql_type?: string;
}

/** What the preprocess step settles for the import. */
export interface Preprocessed {
  readonly fileIds: number[];
  readonly headers: boolean;
  readonly delimiter: string;
  readonly compression: string;
  /** Detected, when asked for. */
  readonly tableColumns: TableColumn[] | undefined;
}

export interface PreprocessOptions {
  /** Given by the caller, else detected. */
  headers?: boolean | undefined;
  /** `comma`, `tab` or `pipe`, given by the caller, else detected. */
  delimiter?: string | undefined;
  hidden?: boolean | undefined;
  pollingIntervalMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

interface Cleaned {
  readonly id: number;
  readonly name: unknown;
  readonly info: unknown;
}

/**
 * civis-python's cleaning before a CSV import: `files.post_preprocess_csv` on each file (a
 * new, cleaned file; columns and types detected when `detectColumns`), run as a job; then
 * the cleaned files' `detected_info` must agree with each other and with what was given.
 */
export async function preprocessCsv(
  client: IoClient,
  fileIds: number[],
  detectColumns: boolean,
  options: PreprocessOptions,
): Promise<Preprocessed> {
  const files = await Promise.all(fileIds.map((id) => clean(client, id, detectColumns, options)));
  const info = (name: string) => files.map((file) => field(file.info, name));
  let allowMixedHeaders = false;
  let tableColumns: TableColumn[] | undefined;
  if (detectColumns) [tableColumns, allowMixedHeaders] = mergeColumns(files);
  let headers: boolean;
  try {
    headers = agreed(files, "includeHeader", info("include_header"), options.headers) as boolean;
  } catch (error) {
    if (!allowMixedHeaders) throw error;
    headers = true;
  }
  return {
    fileIds: files.map((file) => file.id),
    headers,
    delimiter: agreed(
      files,
      "columnDelimiter",
      info("column_delimiter"),
      options.delimiter,
    ) as string,
    compression: agreed(files, "compression", info("compression")) as string,
    tableColumns,
  };
}

/** Runs the preprocess job of one file and reads the cleaned file it outputs. */
async function clean(
  client: IoClient,
  fileId: number,
  detectColumns: boolean,
  options: PreprocessOptions,
): Promise<Cleaned> {
  const { signal } = options;
  const job = await apiMethod(
    client,
    "files",
    "post_preprocess_csv",
  )(
    {
      file_id: fileId,
      in_place: false,
      detect_table_columns: detectColumns,
      force_character_set_conversion: true,
      include_header: options.headers,
      column_delimiter: options.delimiter,
      hidden: options.hidden ?? true,
    },
    { signal },
  );
  const jobId = idField(job, "id", "files.post_preprocess_csv");
  const future = runJob(client, jobId, {
    signal,
    pollingIntervalMs: options.pollingIntervalMs,
  } as Parameters<typeof runJob>[2]);
  await future;
  const outputs = (await apiMethod(client, "jobs", "list_runs_outputs")(
    jobId,
    future.run_id,
    {},
    { signal },
  )) as unknown as unknown[];
  const output = outputs?.[0];
  if (output === undefined) {
    throw new CivisImportError(
      `No CSV preprocess output found for file ${fileId} (job ${jobId} run ${future.run_id})`,
    );
  }
  const id = idField(output, "object_id", "jobs.list_runs_outputs");
  const file = await apiMethod(client, "files", "get")(id, {}, { signal });
  return { id, name: field(file, "name"), info: field(file, "detected_info") };
}

const describe = (files: readonly Cleaned[], indices: number[]) =>
  indices.map((i) => `file ${files[i]!.id} (${String(files[i]!.name)})`).join(", ");

/** The files grouped by a value, as civis-python lists them, or "" when all agree. */
function disagreement(values: readonly unknown[], files: readonly Cleaned[]): string {
  const byValue = new Map<string, number[]>();
  values.forEach((value, i) => {
    const key = String(value);
    byValue.set(key, [...(byValue.get(key) ?? []), i]);
  });
  if (byValue.size <= 1) return "";
  return [...byValue]
    .map(([value, indices]) => `\t${value} from: ${describe(files, indices)}`)
    .join("\n");
}

/** The one value every file's detection found, and the caller's, when given, must match it. */
function agreed(
  files: readonly Cleaned[],
  name: string,
  values: readonly unknown[],
  given?: unknown,
): unknown {
  const mixed = disagreement(values, files);
  if (mixed) {
    throw new CivisImportError(
      `All detected values for '${name}' must be the same, however --\n${mixed}`,
    );
  }
  const detected = values[0];
  if (given !== undefined && given !== detected) {
    throw new CivisImportError(
      `All detected values for '${name}' in your files are ${String(detected)}, which doesn't match your provided value of ${String(given)}`,
    );
  }
  return detected;
}

/**
 * One column list from every file's detected columns: the first name found, the type all
 * agree on, or VARCHAR when they differ and one is VARCHAR (its file then likely read its
 * header as data: mixed header detection is allowed). Other differences are errors.
 */
function mergeColumns(files: readonly Cleaned[]): [TableColumn[], boolean] {
  const byFile = files.map((file) => {
    const columns = field(file.info, "table_columns");
    return (Array.isArray(columns) ? columns : []).map((column) => ({
      name: field(column, "name"),
      sqlType: String(field(column, "sql_type") ?? ""),
    }));
  });
  const counts = disagreement(
    byFile.map((columns) => columns.length),
    files,
  );
  if (counts) {
    throw new CivisImportError(
      `All files must have the same number of columns, however --\n${counts}`,
    );
  }
  const errors: string[] = [];
  let allowMixedHeaders = false;
  const columns = (byFile[0] ?? []).map((_, i) => {
    const cells = byFile.map((columns) => columns[i]!);
    const name = String(cells.find((cell) => cell.name)?.name ?? `column_${i + 1}`);
    const bases = cells.map((cell) => cell.sqlType.split("(", 1)[0]!.toUpperCase());
    const mixed = disagreement(bases, files);
    if (!mixed) return { name, sql_type: cells[0]!.sqlType };
    if (!bases.includes("VARCHAR")) {
      errors.push(`All sql_types for column '${name}' must be the same, however --\n${mixed}`);
    }
    allowMixedHeaders = true;
    return { name, sql_type: "VARCHAR" };
  });
  if (errors.length) throw new CivisImportError(errors.join("\n"));
  return [columns, allowMixedHeaders];
}
