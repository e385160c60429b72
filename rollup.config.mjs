import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { dts } from "rollup-plugin-dts";
import esbuild from "rollup-plugin-esbuild";

// The founders' hard budgets, gzip -9, dependencies included: the all-in minified UMD, and a
// browser app's bundle of `import { APIClient }` alone (what most pages pay for).
const UMD_BUDGET_BYTES = 20 * 1024;
const API_CLIENT_ALONE_BUDGET_BYTES = 12 * 1024;
const external = ["idb-keyval", /^node:/];

/** The browser builds take the browser platform module instead of Node's. */
const browserPlatform = () => ({
  name: "browser-platform",
  resolveId(source, importer) {
    if (importer && source.endsWith("/platform/current.js")) {
      return new URL("./src/platform/current.browser.ts", import.meta.url).pathname;
    }
    return null;
  },
});

/** Prints every build's size, and fails the build when the minified UMD is over budget. */
const sizes = () => ({
  name: "sizes",
  writeBundle(options, bundle) {
    for (const file of Object.keys(bundle)) {
      if (!/\.(c?js|d\.c?ts)$/.test(file)) continue;
      const path = `${options.dir ?? options.file.replace(/[^/]+$/, "")}/${file}`.replace(
        "//",
        "/",
      );
      const raw = readFileSync(path);
      const gz = gzipSync(raw, { level: 9 }).length;
      console.log(
        `${path.padEnd(28)} ${String(statSync(path).size).padStart(7)} B  gzip ${String(gz).padStart(6)} B`,
      );
      if (file === "civis.umd.min.js" && gz > UMD_BUDGET_BYTES) {
        throw new Error(
          `civis.umd.min.js is ${gz} B gzipped, over the ${UMD_BUDGET_BYTES} B budget`,
        );
      }
    }
  },
});

/**
 * The `import { APIClient }` bundle, built as an app's bundler would (browser platform,
 * dependencies included, minified), measured and then dropped: nothing of it is written.
 */
const API_CLIENT_ALONE = "\0api-client-alone";
const apiClientAlone = () => ({
  name: "api-client-alone",
  resolveId: (source) => (source === API_CLIENT_ALONE ? source : null),
  load: (id) =>
    id === API_CLIENT_ALONE
      ? `export { APIClient } from ${JSON.stringify(new URL("./src/browser.ts", import.meta.url).pathname)};`
      : null,
  generateBundle(_options, bundle) {
    for (const [file, chunk] of Object.entries(bundle)) {
      delete bundle[file];
      // Chunks loaded on demand (the client's lookups) are not part of the page's bundle.
      if (chunk.type !== "chunk" || !chunk.isEntry) continue;
      const gz = gzipSync(chunk.code, { level: 9 }).length;
      console.log(
        `${"APIClient alone (min)".padEnd(28)} ${String(chunk.code.length).padStart(7)} B  gzip ${String(gz).padStart(6)} B`,
      );
      if (gz > API_CLIENT_ALONE_BUDGET_BYTES) {
        throw new Error(
          `import { APIClient } alone is ${gz} B gzipped, over the ${API_CLIENT_ALONE_BUDGET_BYTES} B budget`,
        );
      }
    }
  },
});

/** Everything src/node.ts re-exports comes from the Node entry's build, not a second copy. */
const nodeEntryImports = (_id, importer) => importer !== undefined;

/** The browser entry's chunks: the shared core (the entry re-exports it) and each lazy part. */
const browserChunk = (ext) => (chunk) =>
  chunk.name === "browser" ? `browser-core.${ext}` : `browser-[name].${ext}`;

const ts = () => esbuild({ target: "es2022", tsconfig: "tsconfig.json" });

export default [
  {
    input: "src/index.ts",
    external,
    plugins: [ts(), sizes()],
    output: [
      { file: "dist/index.js", format: "es", sourcemap: true, inlineDynamicImports: true },
      { file: "dist/index.cjs", format: "cjs", sourcemap: true, inlineDynamicImports: true },
    ],
  },
  {
    input: "src/browser.ts",
    external,
    plugins: [browserPlatform(), ts(), sizes()],
    // Lazily loaded parts (the client's lookups) stay chunks of their own, so an app's bundler
    // keeps them out of the page until they are used.
    output: [
      {
        dir: "dist",
        entryFileNames: "browser.js",
        chunkFileNames: browserChunk("js"),
        format: "es",
        sourcemap: true,
      },
      {
        dir: "dist",
        entryFileNames: "browser.cjs",
        chunkFileNames: browserChunk("cjs"),
        format: "cjs",
        sourcemap: true,
      },
    ],
  },
  {
    input: "src/browser.ts",
    plugins: [browserPlatform(), nodeResolve({ browser: true }), ts(), sizes()],
    output: [
      {
        file: "dist/civis.umd.js",
        format: "umd",
        name: "civis",
        sourcemap: true,
        inlineDynamicImports: true,
      },
      {
        file: "dist/civis.umd.min.js",
        format: "umd",
        name: "civis",
        sourcemap: true,
        inlineDynamicImports: true,
        plugins: [terser()],
      },
    ],
  },
  {
    input: "src/index.ts",
    plugins: [dts(), sizes()],
    // Under node16/nodenext a `.d.ts` in a `"type": "module"` package types an ES module, so
    // `require` needs its own `.d.cts` (arethetypeswrong: "Masquerading as ESM").
    output: [
      { file: "dist/index.d.ts", format: "es" },
      { file: "dist/index.d.cts", format: "es" },
    ],
  },
  {
    // Browser users get the browser entry's types: no Node-only exports such as cacheApiSpec.
    input: "src/browser.ts",
    plugins: [browserPlatform(), dts(), sizes()],
    output: [
      { file: "dist/browser.d.ts", format: "es" },
      { file: "dist/browser.d.cts", format: "es" },
    ],
  },
  {
    // `civis/testing`: the sample API and mocks, for Node and browsers alike; never in the UMD.
    input: "src/testing/index.ts",
    external,
    plugins: [ts(), sizes()],
    output: [
      { file: "dist/testing.js", format: "es", sourcemap: true },
      { file: "dist/testing.cjs", format: "cjs", sourcemap: true },
    ],
  },
  {
    input: "src/testing/index.ts",
    plugins: [dts(), sizes()],
    output: [
      { file: "dist/testing.d.ts", format: "es" },
      { file: "dist/testing.d.cts", format: "es" },
    ],
  },
  {
    // `civis/node`: the Node-only exports, re-exported from the Node build (one copy of each
    // class, so `instanceof` holds whichever entry a value came from).
    input: "src/node.ts",
    external: nodeEntryImports,
    plugins: [ts(), sizes()],
    output: [
      { file: "dist/node.js", format: "es", paths: () => "./index.js" },
      { file: "dist/node.cjs", format: "cjs", paths: () => "./index.cjs" },
    ],
  },
  {
    input: "src/node.ts",
    external: nodeEntryImports,
    plugins: [dts(), sizes()],
    output: [
      { file: "dist/node.d.ts", format: "es", paths: () => "./index.js" },
      { file: "dist/node.d.cts", format: "es", paths: () => "./index.cjs" },
    ],
  },
  {
    // The `civis` command line (package.json `bin`): Node only, run as `node dist/cli.js` or `civis`.
    input: "src/cli/main.ts",
    external,
    plugins: [ts(), sizes()],
    output: [
      {
        file: "dist/cli.js",
        format: "es",
        banner: "#!/usr/bin/env node",
        sourcemap: true,
        inlineDynamicImports: true,
      },
    ],
  },
  {
    // Last, so that the files above are all built when it fails.
    input: API_CLIENT_ALONE,
    plugins: [apiClientAlone(), browserPlatform(), nodeResolve({ browser: true }), ts()],
    output: { dir: "dist", format: "es", plugins: [terser()] },
  },
];
