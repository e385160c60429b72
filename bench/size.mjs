// Case 4, one process (sizes do not vary between runs): minified + gzip (level 9)
// size of civis's UMD build as shipped, and of civis and each peer bundled the
// same way by esbuild (browser platform, minified) from a tiny entry that
// re-exports it. Metafiles go to bench/out/ to see where the bytes come from.
// Usage: node bench/size.mjs   (prints one JSON line)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundle, civisSources, gzip } from "./lib/bundle.mjs";
import { distDir } from "./lib/paths.mjs";

const ENTRIES = {
  "civis (esbuild, from dist/browser.js)": 'export * from "./dist/browser.js";',
  "swagger-client": 'export { default } from "swagger-client";',
  "openapi-client-axios + axios":
    'export { OpenAPIClientAxios } from "openapi-client-axios"; export { default as axios } from "axios";',
  ofetch: 'export * from "ofetch";',
  // What civis takes from it; its other helpers would shake out of any app bundle.
  "idb-keyval (createStore, get, set, del)":
    'export { createStore, get, set, del } from "idb-keyval";',
};

/** Minified bytes per source file of civis (and per dependency), largest first. */
async function civisBreakdown() {
  const { metafile } = await bundle("civis-src", 'export * from "./src/browser.ts";', [
    civisSources(),
  ]);
  const inputs = Object.values(metafile.outputs)[0].inputs;
  return Object.entries(inputs)
    .map(([file, { bytesInOutput }]) => ({
      file: file.replace(/^node_modules\/([^/]+).*/, "$1 (dependency)"),
      bytes: bytesInOutput,
    }))
    .reduce((acc, row) => {
      const same = acc.find((r) => r.file === row.file);
      if (same) same.bytes += row.bytes;
      else acc.push(row);
      return acc;
    }, [])
    .sort((a, b) => b.bytes - a.bytes);
}

const umd = readFileSync(join(distDir, "civis.umd.min.js"));
const rows = [{ name: "civis (dist/civis.umd.min.js)", bytes: umd.length, gzip: gzip(umd) }];
for (const [name, contents] of Object.entries(ENTRIES)) {
  try {
    const { metafile: _, ...row } = await bundle(name, contents);
    rows.push(row);
  } catch (error) {
    rows.push({ name, error: String(error.message ?? error).split("\n")[0] });
  }
}
console.log(JSON.stringify({ rows, civisBreakdown: await civisBreakdown() }));
