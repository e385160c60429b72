import Papa from "papaparse";
import type { APIClient } from "../../index.js";
import { readCivisSql } from "../../io/index.js";
import type { OutputFormat } from "../cli-options.js";
import { formatTable } from "../format-table.js";
import type { CliContext } from "../open-client.js";
import type { FlagValues } from "../parse-args.js";
import { pollIntervalMs } from "../poll-interval.js";
import { Progress } from "../progress.js";
import { UsageError } from "../usage-error.js";

/** What the command line shows of data: no ESC, BEL, C1 or other control character. */
const printable = (text: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?");

/** One value of a flag given once, or a usage error. */
export function flagValue(
  flags: ReadonlyMap<string, FlagValues>,
  name: string,
  command: string,
): string | undefined {
  const values = flags.get(name);
  if (values === undefined) return undefined;
  const [value] = values;
  if (values.length !== 1 || value === true || value === undefined) {
    throw new UsageError(`civis ${command}: --${name} takes one value`);
  }
  return value;
}

/**
 * `civis sql "select ..." --database NAME [--output csv|table|json]`: runs the SQL as an
 * export (civis/io's readCivisSql) and prints the rows. CSV is written row by row as they are
 * parsed, so a big result never sits in memory; table and JSON need them all.
 */
export async function sqlCommand(
  client: APIClient,
  words: readonly string[],
  flags: ReadonlyMap<string, FlagValues>,
  context: CliContext,
  write: (text: string) => void,
): Promise<string | undefined> {
  const [sql, ...extra] = words;
  if (!sql || extra.length)
    throw new UsageError(
      'civis sql takes one SQL statement in quotes: civis sql "select 1" --database NAME',
    );
  const database = flagValue(flags, "database", "sql");
  if (!database) throw new UsageError("civis sql needs --database NAME (or an id)");
  for (const name of flags.keys()) {
    if (name !== "database") throw new UsageError(`civis sql has no option --${name}`);
  }
  const output: OutputFormat = context.options.output;
  const target = /^\d+$/.test(database) ? Number(database) : database;
  const pollingIntervalMs = pollIntervalMs(context.env);
  const progress = new Progress(context.stderr);
  progress.update("Running the query...");
  try {
    if (output === "csv") {
      let count = 0;
      for await (const row of readCivisSql(client, sql, target, {
        iterator: true,
        pollingIntervalMs,
      })) {
        if (count++ === 0) progress.done();
        write(`${printable(Papa.unparse([row as string[]], { newline: "\n" }))}\n`);
      }
      return undefined;
    }
    const records = await readCivisSql(client, sql, target, { objects: true, pollingIntervalMs });
    progress.done();
    if (output === "table") return printable(formatTable(records));
    return printable(JSON.stringify(records, null, output === "raw" ? undefined : 2));
  } finally {
    progress.done();
  }
}
