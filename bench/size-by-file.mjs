// Where the browser bundle's bytes are, per source file and per folder (the size pass of the
// founders' budgets, rollup.config.mjs): civis's sources bundled by esbuild for the browser,
// minified, once for `import { APIClient }` alone and once for everything the browser entry
// exports. Not part of `npm run bench`.
// Usage: node bench/size-by-file.mjs [--files] [--all]
import { bundle, civisSources } from "./lib/bundle.mjs";

const ENTRIES = {
  "APIClient alone": 'export { APIClient } from "./src/browser.ts";',
  "all-in (UMD)": 'export * from "./src/browser.ts";',
};
const showFiles = process.argv.includes("--files");
const onlyAll = process.argv.includes("--all");

for (const [name, contents] of Object.entries(ENTRIES)) {
  if (onlyAll && name !== "all-in (UMD)") continue;
  const { bytes, gzip, metafile } = await bundle(`by-file-${name}`, contents, [civisSources()]);
  console.log(`\n${name}: ${bytes} B minified, ${gzip} B gzip -9`);
  const inputs = Object.entries(Object.values(metafile.outputs)[0].inputs)
    .map(([file, { bytesInOutput }]) => ({
      file: file.replace(/^node_modules\/([^/]+).*/, "$1 (dependency)"),
      bytes: bytesInOutput,
    }))
    .filter((row) => row.bytes > 0);
  const folders = new Map();
  for (const { file, bytes: b } of inputs) {
    const folder = file.replace(/^src\/([^/]+)\/.*/, "src/$1/");
    folders.set(folder, (folders.get(folder) ?? 0) + b);
  }
  for (const [folder, b] of [...folders].sort((x, y) => y[1] - x[1])) {
    console.log(`  ${folder.padEnd(40)} ${String(b).padStart(6)}`);
  }
  if (showFiles) {
    console.log("  --");
    for (const { file, bytes: b } of inputs.sort((x, y) => y.bytes - x.bytes)) {
      console.log(`  ${file.padEnd(50)} ${String(b).padStart(6)}`);
    }
  }
}
