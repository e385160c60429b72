import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as io from "../../src/io/index.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The rows of the README's civis/io table of civis-python names: [python, ours]. */
function nameRows(): [string, string][] {
  const section = readme.slice(readme.indexOf("\n## civis/io"));
  const table = section.slice(section.indexOf("| civis-python | civis/io |"));
  const rows: [string, string][] = [];
  for (const line of table.split("\n").slice(2)) {
    if (!line.startsWith("|")) break;
    const [python = "", ours = ""] = line.split("|").slice(1, 3);
    rows.push([python.trim(), ours.trim()]);
  }
  return rows;
}

/** The identifiers a cell names in code: `readCivis(client, ...)` -> readCivis. */
const namesIn = (cell: string): string[] =>
  [...cell.matchAll(/`([A-Za-z_]\w*)/g)].map((match) => match[1] as string);

describe("README civis/io: the civis-python names beside ours", () => {
  const rows = nameRows();

  it("has the table, a row for each civis.io function users reach for", () => {
    const python = rows.flatMap(([cell]) => namesIn(cell));
    for (const name of ["read_civis_sql", "civis_to_csv", "file_to_civis", "csv_to_civis"]) {
      expect(python).toContain(name);
    }
  });

  it("names only what civis/io exports, each a function or an error class", () => {
    const ours = rows.flatMap(([, cell]) => namesIn(cell).slice(0, 1));
    expect(ours.length).toBe(rows.length);
    for (const name of ours) {
      expect(io, `README names ${name}`).toHaveProperty(name);
      expect(typeof (io as Record<string, unknown>)[name]).toBe("function");
    }
  });

  it("lists every function civis/io exports", () => {
    const listed = new Set(rows.flatMap(([, cell]) => namesIn(cell)));
    const exported = Object.keys(io).filter((name) => /^[a-z]/.test(name));
    expect(exported).toContain("readCivisSql");
    expect(exported.filter((name) => !listed.has(name))).toEqual([]);
  });
});
