/**
 * `schema.table` -> [schema, table], where either part may be double-quoted to hold a `.`
 * (`"my.schema".table`) and `""` inside quotes is a quote, as civis-python's
 * `split_schema_tablename` reads it. A bare name has no schema; more than two parts is a
 * TypeError.
 */
export function splitSchemaTable(table: string): [string | undefined, string] {
  // A part: quoted runs (with "" for a quote) and unquoted characters other than `.`.
  const parts = (table.match(/(?:"(?:[^"]|"")*"|[^."])+/g) ?? []).map((part) =>
    part.replace(/"("?)/g, "$1"),
  );
  if (parts.length > 2 || parts.length < 1) {
    throw new TypeError(
      `Cannot split "${table}" into a schema and a table; expected "schema.table"`,
    );
  }
  return parts.length > 1 ? (parts as [string, string]) : [undefined, parts[0] as string];
}
