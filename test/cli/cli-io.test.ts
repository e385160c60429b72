// `civis sql` and `civis files upload|download` against the sample API (CSV through the built
// binary too: papaparse is the one package its bundle imports).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useSampleApiCli } from "./helpers/sample-api-cli.js";

const cli = useSampleApiCli({ binary: true });

describe("civis sql", () => {
  it.each(["run", "spawn"] as const)(
    "prints CSV, quoting what needs it, with --output csv (%s)",
    async (how) => {
      const { code, stdout, stderr } = await cli[how]([
        "sql",
        "select id, note from sample.people limit 3",
        "--database",
        "redshift-general",
        "--output",
        "csv",
      ]);
      expect(code, stderr).toBe(0);
      expect(stdout).toBe(
        'id,note\n1,volunteer 1\n2,volunteer 2\n3,"likes ""quotes"", and commas"\n',
      );
    },
  );

  it("prints records as JSON by default and a table with --output table", async () => {
    const json = await cli.run([
      "sql",
      "select city, state from sample.cities limit 1",
      "--database",
      "32",
    ]);
    expect(JSON.parse(json.stdout)).toEqual([{ city: "Chicago", state: "IL" }]);
    const table = await cli.run([
      "sql",
      "select city from sample.cities limit 1",
      "--database",
      "32",
      "--output",
      "table",
    ]);
    expect(table.stdout).toMatch(/city[\s\S]*Chicago/);
  });

  it("a SQL error exits 1 with the database's message; a missing --database exits 2", async () => {
    const failed = await cli.run(["sql", "select * from nope", "--database", "32"]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('relation "nope" does not exist');
    const usage = await cli.run(["sql", "select 1"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("civis sql needs --database");
  });
});

describe("civis files", () => {
  it("uploads a file, prints its id, and downloads it again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "civis-cli-files-"));
    const source = join(dir, "numbers.csv");
    writeFileSync(source, "a,b\n1,2\n");
    const up = await cli.run(["files", "upload", source, "--name", "n.csv"]);
    expect(up.code).toBe(0);
    const id = up.stdout.trim();
    expect(id).toMatch(/^\d+$/);
    const target = join(dir, "back.csv");
    const down = await cli.run(["files", "download", id, target]);
    expect(down.code).toBe(0);
    expect(readFileSync(target, "utf8")).toBe("a,b\n1,2\n");
  });

  it("a missing local file is a clear error before any request", async () => {
    const { code, stderr } = await cli.run(["files", "upload", join(tmpdir(), "no-such-file.csv")]);
    expect(code).toBe(1);
    expect(stderr).toContain("no such file");
  });
});
