// The minified, gzip -9 size of each CSV library as a browser bundle would carry it.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ENTRIES = {
  papaparse: 'import Papa from "papaparse"; globalThis.x = Papa.parse;',
  "csv-parse": 'import { parse } from "csv-parse/sync"; globalThis.x = parse;',
  "d3-dsv": 'import { csvParseRows } from "d3-dsv"; globalThis.x = csvParseRows;',
  udsv: 'import { inferSchema, initParser } from "udsv"; globalThis.x = [inferSchema, initParser];',
};
const out = {};
for (const [name, contents] of Object.entries(ENTRIES)) {
  const result = await build({
    // From bench/, so the peers in bench/node_modules resolve (papaparse from the root).
    stdin: { contents, resolveDir: import.meta.dirname, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    platform: "browser",
    format: "esm",
  });
  out[name] = gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}
console.log(JSON.stringify(out));
