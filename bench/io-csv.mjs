// One process of the civis/io CSV case: parse speed of each CSV library on the same generated
// CSV (quoted commas, quotes and newlines), civis/io's own streamed parser, and readCivisSql
// end to end against the sample API on loopback; prints one JSON line.
import { createServer } from "node:http";
import { parse as csvParseSync } from "csv-parse/sync";
import { csvParse as d3Parse, csvParseRows as d3ParseRows } from "d3-dsv";
import Papa from "papaparse";
import { inferSchema, initParser } from "udsv";
import { APIClient } from "../dist/index.js";
import { exportToCivisFile, readCivisSql } from "../dist/io.js";
import { sampleApi } from "../dist/testing.js";

const ROWS = Number(process.env.BENCH_CSV_ROWS ?? 200_000);

/** The same CSV every run: 5 columns, a quoted field in every row, some commas, quotes and newlines. */
export function generateCsv(rows) {
  const lines = ["id,name,note,amount,day"];
  for (let i = 0; i < rows; i++) {
    const note =
      i % 7 === 0 ? '"has, a comma and ""quotes"""' : i % 11 === 0 ? '"two\nlines"' : `plain ${i}`;
    lines.push(
      `${i},"Name ${i}",${note},${(i * 1.5).toFixed(2)},2024-01-${String(1 + (i % 28)).padStart(2, "0")}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function rate(fn) {
  const start = performance.now();
  const count = fn();
  const ms = performance.now() - start;
  return { rows: count, rowsPerSec: (count / ms) * 1000 };
}

const text = generateCsv(ROWS);
const out = { rows: ROWS, parse: {} };
const libs = {
  papaparse: () => Papa.parse(text, { skipEmptyLines: true }).data.length,
  "csv-parse": () => csvParseSync(text).length,
  "d3-dsv": () => d3ParseRows(text).length,
  udsv: () =>
    initParser(inferSchema(text.slice(0, 4096), { encl: '"' })).stringArrs(text).length + 1,
};
// Warm each parser once (JIT), then measure; the order rotates per process.
const names = Object.keys(libs);
const shift = Number(process.argv[2] ?? 0) % names.length;
const order = [...names.slice(shift), ...names.slice(0, shift)];
for (const name of order) libs[name]();
for (const name of order) out.parse[name] = rate(libs[name]);
void d3Parse;

// readCivisSql end to end: the sample API serves a table of ROWS rows over loopback; its export
// is a gzip CSV at a presigned URL. The API's clock jumps so the run is done at the first poll.
let clock = Date.now();
const kit = await sampleApi({ now: () => (clock += 10_000) });
const table = Papa.parse(text, { skipEmptyLines: true }).data;
kit.api.data.sqlTables.set("bench.rows", { columns: table[0], rows: table.slice(1) });
const server = createServer((req, res) => kit.api.handle(req, res));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const client = new APIClient({
  localApiSpec: { ...kit.spec, host: url.slice(7, -1), schemes: ["http"] },
  apiKey: "x",
});
// The export's CSV, as the client would download it (for the library-alone figure).
const exported = Papa.unparse(table, { newline: "\n" });
out.readCivisSql = {};
{
  const options = { credentialId: 1, pollingIntervalMs: 1 };
  // The sample API's own share (running the SQL, writing and gzipping the CSV, in this same
  // process), shown beside the end-to-end figure, which includes it.
  const exportStart = performance.now();
  await exportToCivisFile(client, "select * from bench.rows", 32, options);
  const exportMs = performance.now() - exportStart;
  const start = performance.now();
  let count = 0;
  for await (const _ of readCivisSql(client, "select * from bench.rows", 32, {
    iterator: true,
    credentialId: 1,
    pollingIntervalMs: 1,
  }))
    count++;
  const ms = performance.now() - start;
  out.readCivisSql.civis = { rows: count, rowsPerSec: (count / ms) * 1000, exportMs };
  out.readCivisSql.papaparseAlone = rate(
    () => Papa.parse(exported, { skipEmptyLines: true }).data.length,
  );
}
server.close();
console.log(JSON.stringify(out));
