import type { IoClient } from "./answer-fields.js";
import type { CivisFuture } from "./core.js";
import { maybeGunzip } from "./csv-rows.js";
import { ioPlatform } from "./current-io-platform.js";
import {
  type DownloadDestination,
  isNodeWritable,
  writeToNodeWritable,
} from "./download-destination.js";
import type { AfterRun } from "./follow-run.js";
import type { PathWriter } from "./io-platform.js";
import type { SqlOptions } from "./sql-options.js";
import { openSqlOutput } from "./sql-output.js";
import { checkSqlScript, sqlScriptFuture } from "./sql-script.js";

/** civis-python's `DELIMITERS`: the one-character delimiters the API names. */
export const DELIMITERS = { ",": "comma", "\t": "tab", "|": "pipe" } as const;

export interface CivisToCsvOptions extends SqlOptions {
  /** Write the header row. Default true. */
  includeHeader?: boolean;
  /** `"none"` (default): plain CSV; `"gzip"`: the export's gzip bytes as they are. */
  compression?: "none" | "gzip";
  /** `","` (default), `"\t"` or `"|"`. */
  delimiter?: "," | "\t" | "|";
  /** Leave fields unquoted. Default false. */
  unquoted?: boolean;
}

/** A delimiter by civis-python's rule, or a TypeError listing the ones the API takes. */
export function delimiterName(delimiter: string): "comma" | "tab" | "pipe" {
  const name = DELIMITERS[delimiter as keyof typeof DELIMITERS];
  if (!name)
    throw new TypeError(
      `delimiter must be one of ",", "\\t", "|", not ${JSON.stringify(delimiter)}`,
    );
  return name;
}

/**
 * Runs SQL and writes its result as a CSV file (civis-python's `civis_to_csv`): to a Node
 * path (written under a temporary name, so a failure leaves no partial file), a Node
 * writable or a web WritableStream. Returns, at once, the CivisFuture of the export's run;
 * it resolves to the finished run once the file is written (`await` it). Bad arguments are
 * errors before any request; a missing folder rejects the future before any request.
 * civis-python's `"zip"` is not offered (no zip writer without another dependency).
 */
export function civisToCsv(
  client: IoClient,
  filename: DownloadDestination,
  sql: string,
  database: string | number,
  options: CivisToCsvOptions = {},
): CivisFuture {
  const compression = options.compression ?? "none";
  if (compression !== "none" && compression !== "gzip") {
    throw new TypeError(`compression must be "none" or "gzip", not ${JSON.stringify(compression)}`);
  }
  const delimiter = delimiterName(options.delimiter ?? ",");
  if (
    typeof filename !== "string" &&
    !isNodeWritable(filename) &&
    !(typeof WritableStream !== "undefined" && filename instanceof WritableStream)
  ) {
    throw new TypeError("civisToCsv writes to a Node path or writable, or a WritableStream");
  }
  checkSqlScript(sql, database, options);
  // A path is opened first: a missing folder fails before the script is created.
  const opened: Promise<PathWriter | undefined> =
    typeof filename === "string" ? ioPlatform.openPath(filename) : Promise.resolve(undefined);
  const after: AfterRun = async (finished, future) => {
    try {
      const run = await finished;
      let body = await openSqlOutput(client, run, future, options);
      if (compression === "none") body = maybeGunzip(body);
      const writer = await opened;
      if (writer) await writer.write(body);
      else if (isNodeWritable(filename)) await writeToNodeWritable(body, filename);
      else await body.pipeTo(filename as WritableStream<Uint8Array>, { preventClose: true });
      return run;
    } catch (error) {
      await (await opened.catch(() => undefined))?.discard();
      throw error;
    }
  };
  // Always exported as gzip, to move fewer bytes; decompressed on the way unless asked not to.
  return sqlScriptFuture(
    client,
    sql,
    database,
    options,
    {
      include_header: options.includeHeader ?? true,
      compression: "gzip",
      column_delimiter: delimiter,
      unquoted: options.unquoted ?? false,
      filename_prefix: null,
      force_multifile: false,
    },
    { ready: opened, after },
  );
}
