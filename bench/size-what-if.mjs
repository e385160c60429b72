// What the UMD bundle would weigh without parts of it, for FINDINGS.md (not
// part of `npm run bench`): civis's sources bundled by esbuild as in size.mjs,
// then with src/help/ replaced by empty functions. Sizes only: the stubbed
// bundle does not work. (civis called fetch through ofetch until the size work
// of issue 6; that variant is gone with ofetch.)
// Usage: node bench/size-what-if.mjs
import { bundle, civisSources } from "./lib/bundle.mjs";

const NO_HELP = [
  "describeClient",
  "describeMethod",
  "help",
  "helpText",
  "methodDoc",
  "methodDocModel",
  "wrap",
]
  .map((name) => `export const ${name} = () => {};`)
  .join("\n");

const VARIANTS = {
  "civis as is": () => undefined,
  "without src/help/ and src/docs/": (path) =>
    /\/src\/(help|docs)\//.test(path) ? NO_HELP : undefined,
};

for (const [name, stub] of Object.entries(VARIANTS)) {
  const { bytes, gzip } = await bundle(`what-if-${name}`, 'export * from "./src/browser.ts";', [
    civisSources(stub),
  ]);
  console.log(
    `${name.padEnd(42)} ${String(bytes).padStart(7)} B minified  ${String(gzip).padStart(6)} B gzip -9`,
  );
}
