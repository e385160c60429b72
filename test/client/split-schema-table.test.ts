import { describe, expect, it } from "vitest";
import { splitSchemaTable } from "../../src/client/helpers/split-schema-table.js";
import { splitSchemaTablename } from "../../src/io/index.js";

describe("splitSchemaTable", () => {
  it("reads schema.table, a bare name, and quoted parts as civis-python does", () => {
    expect(splitSchemaTable("foo.bar")).toEqual(["foo", "bar"]);
    expect(splitSchemaTable("bar")).toEqual([undefined, "bar"]);
    expect(splitSchemaTable('"has.dots"."q""t"')).toEqual(["has.dots", 'q"t']);
    expect(splitSchemaTable('schema."a.b"')).toEqual(["schema", "a.b"]);
  });

  // get_table_id's splitter skipped empty parts: "a..b" was schema a, table b, and "schema."
  // a table named schema; civis/io's refused them. The one splitter refuses them for both.
  it.each(["a.b.c", "a..b", "schema.", ".table", ""])("refuses %j", (table) => {
    expect(() => splitSchemaTable(table)).toThrow(
      new TypeError(`Cannot split "${table}" into a schema and a table; expected "schema.table"`),
    );
  });

  it("is civis/io's splitSchemaTablename: one splitter for both", () => {
    expect(splitSchemaTablename).toBe(splitSchemaTable);
  });
});
