// What the bundles would weigh without parts of them: the figures behind README "Size" and
// the proposals there (not part of `npm run bench`). civis's sources are bundled by esbuild as
// in size-by-file.mjs (browser, minified, splitting on, chunks loaded on demand not counted),
// with some source files replaced by stubs. Sizes only: a stubbed bundle does not work. Each
// row is also shown as a difference from "as is"; the shipped UMD is built by rollup and
// terser, so apply the differences to the sizes `npm run build` prints, not the totals.
// Usage: node bench/size-what-if.mjs
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appBundle, civisSources, gzip } from "./lib/bundle.mjs";
import { repoRoot } from "./lib/paths.mjs";

/** Stub module text for each replaced source file (path under src/). */
const STUBS = {
  // `.doc` (and help's method text) built elsewhere: the docs layer leaves the client.
  "docs/method-doc.ts": 'export const methodDoc = () => "";',
};
const stubOf = (files) => (path) => {
  const file = Object.keys(STUBS).find((name) => files.includes(name) && path.endsWith(name));
  return file === undefined ? undefined : STUBS[file];
};

/** The browser entry's value exports, by the source file they come from (src/public-api.ts). */
function publicExports() {
  const text = readFileSync(join(repoRoot, "src/public-api.ts"), "utf8");
  const out = [];
  for (const [, names, from] of text.matchAll(/export \{([^}]*)\} from "\.\/([^"]+)\.js"/g)) {
    for (const name of names.split(",").map((n) => n.trim())) {
      if (name && !name.startsWith("type ")) out.push({ name, from });
    }
  }
  return out;
}
const allBut = (...folders) =>
  `export { ${publicExports()
    .filter(({ from }) => !folders.some((folder) => from.startsWith(folder)))
    .map(({ name }) => name)
    .join(", ")} } from "./src/browser.ts";`;

const ALONE = 'export { APIClient } from "./src/browser.ts";';
const ALL = 'export * from "./src/browser.ts";';
// The IndexedDB store, hooks, logger, queue, key function and a failed attempt's path already
// load on demand (README "Size"); what is left to decide is below.
const VARIANTS = [
  ["import { APIClient } alone", ALONE, []],
  ["  without .doc (method text only with help)", ALONE, ["docs/method-doc.ts"]],
  ["all-in (the UMD's content)", ALL, []],
  ["  without the jobs layer", allBut("jobs/"), []],
  ["  without help() and describe*", allBut("help/"), []],
  ["  without jobs, help, .doc", allBut("jobs/", "help/"), ["docs/method-doc.ts"]],
];

let base;
for (const [name, contents, files] of VARIANTS) {
  const result = await appBundle(contents, civisSources(stubOf(files)));
  const main = result.outputFiles[0].contents;
  const gz = gzip(main);
  if (!name.startsWith(" ")) base = gz;
  const diff = name.startsWith(" ") ? `  (${gz - base} B)` : "";
  console.log(`${name.padEnd(66)} ${String(gz).padStart(6)} B gzip -9${diff}`);
}
