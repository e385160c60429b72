import { describe, expect, it } from "vitest";
import { civisFileToTable } from "../../src/io/civis-file-to-table.js";
import { csvToCivis } from "../../src/io/csv-to-civis.js";

/** A client whose spec has the import's POST routes but not the run getter the future needs. */
function clientWithoutRunGetter() {
  const calls: string[] = [];
  const record = (name: string) => async () => {
    calls.push(name);
    return { id: 1 };
  };
  const client = {
    get_database_id: record("get_database_id"),
    files: { post: record("files.post") },
    imports: { post_files_csv: record("imports.post_files_csv") },
  };
  return { client, calls };
}

describe("a spec without imports.get_files_csv_runs", () => {
  it("civisFileToTable throws before the database lookup starts", () => {
    const { client, calls } = clientWithoutRunGetter();
    expect(() => civisFileToTable(client, 5, "redshift-general", "s.t")).toThrow(
      "civis/io needs client.imports.get_files_csv_runs, which this client's API spec lacks",
    );
    // It was looked up after the import had started: the lookup ran, and its failure went
    // unhandled (Node's unhandled rejection).
    expect(calls).toEqual([]);
  });

  it("csvToCivis throws before the file is uploaded", async () => {
    const { client, calls } = clientWithoutRunGetter();
    expect(() =>
      csvToCivis(client, new TextEncoder().encode("a\n1\n"), 1, "s.t", { credentialId: 2 }),
    ).toThrow("civis/io needs client.imports.get_files_csv_runs");
    // One turn of the event loop: the upload's first request (no I/O before it) would be made.
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([]);
  });
});
