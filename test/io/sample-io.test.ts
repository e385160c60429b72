// civis/io end to end against the sample API on a real loopback server: SQL, files, tables.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient, CivisFuture, CivisJobFailure } from "../../src/index.js";
import {
  CivisImportError,
  civisFileToTable,
  civisToCsv,
  civisToFile,
  csvToCivis,
  EmptyResultError,
  exportToCivisFile,
  fileToCivis,
  queryCivis,
  readCivis,
  readCivisSql,
} from "../../src/io/index.js";
import { type SampleApiServer, startSampleApiServer } from "../helpers/sample-api-server.js";

let sample: SampleApiServer;
let client: APIClient;
let dir: string;
// Each reading of the API's clock moves it a second on: every run has finished by the next poll.
let clock = Date.parse("2025-01-01T00:00:00Z");
const fast = { pollingIntervalMs: 1, credentialId: 1 };

beforeAll(async () => {
  sample = await startSampleApiServer({ now: () => (clock += 1000) });
  client = await APIClient.create({ baseUrl: sample.url, apiKey: "demo-key", specCache: false });
  dir = await mkdtemp(join(tmpdir(), "civis-io-sample-"));
});

afterAll(async () => {
  await sample.close();
  await rm(dir, { recursive: true, force: true });
});

describe("SQL against the sample database", () => {
  it("readCivisSql: the header and rows of an export, quoted commas, quotes and newlines intact", async () => {
    const rows = await readCivisSql(
      client,
      "select id, name, note from sample.people limit 5",
      1,
      fast,
    );
    expect(rows[0]).toEqual(["id", "name", "note"]);
    expect(rows).toHaveLength(6);
    expect(rows[3]).toEqual(["3", "Katherine 3", 'likes "quotes", and commas']);
    expect(rows[5]).toEqual(["5", "Barbara 5", "two\nlines"]);
  });

  it("readCivisSql: records, rows without the header, an async iterator, onRow", async () => {
    const sql = "select city, state from sample.cities limit 2";
    expect(await readCivisSql(client, sql, 1, { ...fast, objects: true })).toEqual([
      { city: "Chicago", state: "IL" },
      { city: "Austin", state: "TX" },
    ]);
    expect(await readCivisSql(client, sql, 1, { ...fast, header: false })).toEqual([
      ["Chicago", "IL"],
      ["Austin", "TX"],
    ]);
    const seen: unknown[] = [];
    for await (const row of readCivisSql(client, sql, 1, { ...fast, iterator: true }))
      seen.push(row);
    expect(seen).toHaveLength(3);
    let count = 0;
    expect(await readCivisSql(client, sql, 1, { ...fast, onRow: () => count++ })).toBe(3);
    expect(count).toBe(3);
  });

  it("readCivis reads a table's columns; an empty result is the header alone", async () => {
    expect(
      await readCivis(client, "sample.cities", 1, { ...fast, columns: ["state"] }),
    ).toHaveLength(7);
    expect(await readCivisSql(client, "select * from sample.cities limit 0", 1, fast)).toEqual([
      ["city", "state", "population"],
    ]);
  });

  it("a SQL error rejects with CivisJobFailure carrying the database's message", async () => {
    const failure = readCivisSql(client, "select * from nope.missing", 1, fast);
    await expect(failure).rejects.toBeInstanceOf(CivisJobFailure);
    await expect(failure).rejects.toThrow('relation "nope.missing" does not exist');
  });

  it("queryCivis: a future of the query with its preview rows", async () => {
    const future = queryCivis(client, "select * from sample.cities", 1, {
      ...fast,
      previewRows: 2,
    });
    const query = await future;
    expect(query.state).toBe("succeeded");
    expect(query.result_rows).toEqual([
      ["Chicago", "IL", "2746388"],
      ["Austin", "TX", "961855"],
    ]);
  });

  it("civisToCsv writes the result (decompressed, or gzip as exported) and exportToCivisFile names the file", async () => {
    const path = join(dir, "cities.csv");
    const run = await civisToCsv(client, path, "select * from sample.cities limit 2", 1, fast);
    expect(run.state).toBe("succeeded");
    expect(await readFile(path, "utf8")).toBe(
      "city,state,population\nChicago,IL,2746388\nAustin,TX,961855\n",
    );
    const gz = join(dir, "cities.csv.gz");
    await civisToCsv(client, gz, "select 1 as one", 1, { ...fast, compression: "gzip" });
    expect([...(await readFile(gz)).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const exported = await exportToCivisFile(client, "select 1 as one", 1, fast);
    expect((exported.output as { file_id: number }[])[0]!.file_id).toEqual(expect.any(Number));
  });

  it("civisToCsv returns the run's CivisFuture at once; it resolves once the file is written", async () => {
    const path = join(dir, "future.csv");
    const future = civisToCsv(client, path, "select city from sample.cities limit 1", 1, fast);
    expect(future).toBeInstanceOf(CivisFuture);
    expect(future.done()).toBe(false);
    const run = await future.result();
    expect(future.done()).toBe(true);
    expect(future.state).toBe("succeeded");
    expect(future.job_id).toEqual(expect.any(Number));
    expect(run.id).toBe(future.run_id);
    expect(await readFile(path, "utf8")).toBe("city\nChicago\n");
  });

  it("civisToCsv: a SQL error, an export with no output or a missing folder leave no file behind", async () => {
    const before = await readdir(dir);
    const failed = join(dir, "failed.csv");
    await expect(civisToCsv(client, failed, "select * from nope.missing", 1, fast)).rejects.toThrow(
      CivisJobFailure,
    );
    const empty = join(dir, "empty.csv");
    await expect(civisToCsv(client, empty, "vacuum", 1, fast)).rejects.toThrow(
      /SQL script \d+ run \d+ finished with no output to download/,
    );
    expect(await readdir(dir)).toEqual(before);
    const scripts = sample.api.stats["POST /scripts/sql"] ?? 0;
    await expect(
      civisToCsv(client, join(dir, "no-such-folder", "x.csv"), "select 1 as one", 1, fast),
    ).rejects.toThrow(/ENOENT/);
    expect(sample.api.stats["POST /scripts/sql"] ?? 0).toBe(scripts);
    expect(() => civisToCsv(client, join(dir, "x.csv"), " ", 1, fast)).toThrow(
      "sql must be a non-empty string",
    );
    expect(await readdir(dir)).toEqual(before);
  });

  it("readCivisSql of an export with no output is an EmptyResultError", async () => {
    await expect(readCivisSql(client, "analyze sample.cities", 1, fast)).rejects.toBeInstanceOf(
      EmptyResultError,
    );
  });
});

describe("a client of returnType raw", () => {
  it("is told civis/io needs snake or json answers, not that the API answered without an id", async () => {
    const raw = await APIClient.create({
      baseUrl: sample.url,
      apiKey: "demo-key",
      specCache: false,
      returnType: "raw",
    });
    const message = 'civis/io needs a client whose returnType is "snake" or "json", not "raw"';
    await expect(readCivisSql(raw, "select 1 as a", 1, fast)).rejects.toThrow(message);
    await expect(fileToCivis(raw, new Uint8Array(3), "x")).rejects.toThrow(message);
  });
});

describe("files and tables in the sample storage", () => {
  it("fileToCivis then civisToFile, in one POST or in parts", async () => {
    const bytes = new TextEncoder().encode("x".repeat(5000));
    const one = await fileToCivis(client, bytes, "one.txt");
    const parts = await fileToCivis(client, bytes, "parts.txt", {
      multipartThreshold: 1000,
      partSize: 1024,
    });
    expect(await (await civisToFile(client, one)).text()).toBe("x".repeat(5000));
    expect(await (await civisToFile(client, parts)).text()).toBe("x".repeat(5000));
  });

  it("an expired file is a clear error, and no file is written", async () => {
    const id = await fileToCivis(client, new Uint8Array([1]), "old.bin", {
      expiresAt: "2000-01-01T00:00:00Z",
    });
    const path = join(dir, "old.bin");
    await expect(civisToFile(client, id, path)).rejects.toBeInstanceOf(EmptyResultError);
    expect(await readdir(dir)).not.toContain("old.bin");
  });

  it("csvToCivis creates the table, and readCivis returns its rows", async () => {
    const csv = new File(['name,score\nAda,"1,5"\nGrace,2\n'], "scores.csv");
    const run = await csvToCivis(client, csv, 1, "sample.scores", fast);
    expect(run.state).toBe("succeeded");
    expect(await readCivis(client, "sample.scores", 1, { ...fast, objects: true })).toEqual([
      { name: "Ada", score: "1,5" },
      { name: "Grace", score: "2" },
    ]);
    // The table exists now: the default existingTableRows "fail" fails the import.
    await expect(csvToCivis(client, csv, 1, "sample.scores", fast)).rejects.toThrow(
      /already exists/,
    );
  });

  it("lists the tables SQL reads, an imported one too, so get_table_id finds them", async () => {
    const people = await client.get_table_id("sample.people", "redshift-general");
    const [listed] = await client.tables!.list({
      database_id: 32,
      schema: "sample",
      name: "people",
    });
    expect(listed).toMatchObject({ id: people, schema: "sample", name: "people", row_count: 40 });
    await expect(client.get_table_id("sample.listed", 32)).rejects.toThrow(/not found/);
    await csvToCivis(client, new File(["a\n1\n2\n"], "l.csv"), 32, "sample.listed", fast);
    const id = await client.get_table_id("sample.listed", 32);
    expect(await client.tables!.list({ schema: "sample", name: "listed" })).toMatchObject([
      { id, row_count: 2, column_count: 1 },
    ]);
    // The same id when listed again; the seeded tables keep theirs.
    expect((await client.tables!.list({ name: "listed" }))[0]?.id).toBe(id);
    expect(await client.get_table_id("scores.turnout", 32)).toBe(5003);
  });

  it("civisFileToTable preprocesses each file first and imports the cleaned files as detected", async () => {
    const id = await fileToCivis(
      client,
      new TextEncoder().encode("7|Ada|1.5\n8|Grace|2\n"),
      "p.csv",
    );
    const run = await civisFileToTable(client, id, 1, "sample.piped", fast);
    expect(run.state).toBe("succeeded");
    const preprocessed = [...sample.api.data.preprocessJobs.values()].at(-1)!;
    expect(preprocessed).toMatchObject({
      fileId: id,
      inPlace: false,
      detectTableColumns: true,
      forceCharacterSetConversion: true,
      includeHeader: null,
      columnDelimiter: null,
    });
    const imported = [...sample.api.data.csvImports.values()].at(-1)!;
    expect(imported.fileIds).toHaveLength(1);
    expect(imported.fileIds[0]).not.toBe(id);
    expect(imported).toMatchObject({
      firstRowIsHeader: false,
      columnDelimiter: "pipe",
      compression: "none",
      tableColumns: [
        { name: "column_1", sqlType: "INT" },
        { name: "column_2", sqlType: "VARCHAR(5)" },
        { name: "column_3", sqlType: "DOUBLE PRECISION" },
      ],
    });
    expect(await readCivis(client, "sample.piped", 1, { ...fast, header: false })).toEqual([
      ["7", "Ada", "1.5"],
      ["8", "Grace", "2"],
    ]);
  });

  it("a file the preprocess step cannot read fails the future with the job's error", async () => {
    const id = await fileToCivis(client, new TextEncoder().encode('a,b\n1,"open\n'), "bad.csv");
    const failure = civisFileToTable(client, id, 1, "sample.broken", fast);
    await expect(failure).rejects.toBeInstanceOf(CivisJobFailure);
    await expect(failure).rejects.toThrow(/is not a valid CSV/);
    expect(sample.api.data.sqlTables.has("sample.broken")).toBe(false);
  });

  it("files whose detected formats differ are a CivisImportError naming them, before any import", async () => {
    const comma = await fileToCivis(client, new TextEncoder().encode("a,b\n1,2\n"), "c.csv");
    const tab = await fileToCivis(client, new TextEncoder().encode("a\tb\n1\t2\n"), "t.csv");
    const imports = sample.api.data.csvImports.size;
    const failure = civisFileToTable(client, [comma, tab], 1, "sample.mixed", fast);
    await expect(failure).rejects.toBeInstanceOf(CivisImportError);
    await expect(failure).rejects.toThrow(
      /All detected values for 'columnDelimiter' must be the same, however --\n\tcomma from: file \d+ \(c\.csv\)\n\ttab from: file \d+ \(t\.csv\)/,
    );
    expect(sample.api.data.csvImports.size).toBe(imports);
  });
});
