// Where the browser bundle's bytes are, per source file and per folder (the size pass of the
// founders' budgets, rollup.config.mjs): civis's sources bundled by esbuild for the browser,
// minified, as an app's bundler would (chunks loaded on demand are split off and not counted),
// once for `import { APIClient }` alone and once for everything the browser entry exports.
// Not part of `npm run bench`.
// Usage: node bench/size-by-file.mjs [--files]
import { appBundle, gzip } from "./lib/bundle.mjs";

const ENTRIES = {
  "APIClient alone": 'export { APIClient } from "./src/browser.ts";',
  "all-in": 'export * from "./src/browser.ts";',
};
const showFiles = process.argv.includes("--files");

for (const [name, contents] of Object.entries(ENTRIES)) {
  const result = await appBundle(contents);
  const [main, ...chunks] = result.outputFiles;
  const lazy = chunks.map((c) => `${c.contents.length} B`).join(", ") || "none";
  console.log(
    `\n${name}: ${main.contents.length} B minified, ${gzip(main.contents)} B gzip -9 (on demand: ${lazy})`,
  );
  const output = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)[1];
  const inputs = Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => ({
      file: file.replace(/^node_modules\/([^/]+).*/, "$1 (dependency)"),
      bytes: bytesInOutput,
    }))
    .filter((row) => row.bytes > 0);
  const folders = new Map();
  for (const { file, bytes } of inputs) {
    const folder = file.replace(/^src\/([^/]+)\/.*/, "src/$1/");
    folders.set(folder, (folders.get(folder) ?? 0) + bytes);
  }
  for (const [folder, bytes] of [...folders].sort((x, y) => y[1] - x[1])) {
    console.log(`  ${folder.padEnd(40)} ${String(bytes).padStart(6)}`);
  }
  if (showFiles) {
    console.log("  --");
    for (const { file, bytes } of inputs.sort((x, y) => y.bytes - x.bytes)) {
      console.log(`  ${file.padEnd(50)} ${String(bytes).padStart(6)}`);
    }
  }
}
