/**
 * `schema.table` -> [schema, table], a bare name -> [undefined, name], read as civis-python's
 * `split_schema_tablename` reads it (one CSV row delimited by `.`): either part may be
 * double-quoted to hold a `.` (`"my.schema".table`), and `""` inside quotes is a quote.
 * More than two parts, or an empty one (`a..b`, `schema.`), is a TypeError.
 * The one splitter: civis/io's `splitSchemaTablename` is this function.
 */
export function splitSchemaTable(table: string): [string | undefined, string] {
  // A `.` followed by an even number of quotes is outside quotes: it splits.
  const parts = String(table)
    .split(/\.(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((part) => part.replace(/"("?)/g, "$1"));
  if (parts.length > 2 || parts.includes("")) {
    throw new TypeError(
      `Cannot split "${table}" into a schema and a table; expected "schema.table"`,
    );
  }
  return parts.length > 1 ? (parts as [string, string]) : [undefined, parts[0] as string];
}
