import Papa from "papaparse";

/**
 * `"schema.table"` -> `["schema", "table"]`, `"table"` -> `[undefined, "table"]`, with
 * double quotes around a name that holds a dot (civis-python's `split_schema_tablename`,
 * which reads the name as one CSV row delimited by `.`).
 */
export function splitSchemaTablename(table: string): [string | undefined, string] {
  const parts =
    Papa.parse<string[]>(String(table), { delimiter: ".", quoteChar: '"' }).data[0] ?? [];
  if (parts.length === 1) return [undefined, parts[0]!];
  if (parts.length !== 2 || !parts[1]) {
    throw new TypeError(`cannot read a schema and table in "${table}": is it "schema.table"?`);
  }
  return [parts[0], parts[1]];
}
