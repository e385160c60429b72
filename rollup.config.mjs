import { readdirSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import commonjs from "@rollup/plugin-commonjs";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import esbuild from "rollup-plugin-esbuild";

// Size, gzip -9, dependencies included: the all-in minified UMD, an app's browser bundle of
// `import { APIClient }` alone (what most pages pay for; the futures and job functions must
// shake out of it, and the client's lookups load on demand), and civis/io's UMD.
// The founders' budgets are 15 KB, 12 KB and 12 KB; the jobs layer, hooks and limits, the
// reliability fixes and civis/io took the builds past them, and reaching them needs a decision
// on scope (README "Size" says what each part costs). Until it is taken, the build holds each at
// what it measures now, rounded up to the next 0.1 KB, so nothing grows unnoticed, and prints
// the target beside it.
// The UMD inlines what loads on demand elsewhere, and pays ~0.2 KB for the seams that keep it
// out of `import { APIClient }` alone (the core's parts handed to the on-demand module).
// A contract audit's ten fixes to the helpers, futures and job functions added 161 B, most
// of it the errors that now refuse bad input before any request. A hostile-server audit of the
// safety rules and an audit of hooks and limits added 71 B for their 16 fixes: the key kept
// out of errors' causes and responses and of half-cut error bodies, attempts counted after a
// body error, a dot segment hidden by a tab, a hook's own network error not retried. An
// audit of the futures and job logs added 70 B for four fixes: jobLogs that never ended on a
// stuck or garbled civis-max-id, a cancel during a poll, an abort while a future's args wait.
const UMD_BUDGET_BYTES = Math.floor(20.5 * 1024);
// The spec's cache, download path and IndexedDB store load on demand since (~1.1 KB), and a
// failed attempt's error and retry rules, hooks, logger, queue and key function (~1.5 KB).
// A contract audit added 34 B: a spec's server is checked as baseUrl is (an `HTTP://` server
// sent the key over plain http), and a non-boolean `iterator` is refused.
const APICLIENT_ALONE_BUDGET_BYTES = Math.floor(13.5 * 1024);
// civis/io's grew for issue 13's last points (measured, gzip): upload progress in bytes through
// XMLHttpRequest (~0.3 KB), civisToCsv's future that waits for its file (~0.15 KB) and
// civis-python's CSV preprocess step before an import (~0.9 KB). An adversarial audit added
// 222 B for nine fixes: cut downloads named, storage error bodies capped, 205/600 storage
// answers handled in both upload transports, onProgress throws kept, long CSV rows linear.
const IO_UMD_BUDGET_BYTES = Math.floor(14.9 * 1024);
const TARGETS = { umd: 15 * 1024, alone: 12 * 1024, io: 12 * 1024 };
const external = ["idb-keyval", /^node:/];
// The declaration builds need no Node typings (the sources' public types name none; the type
// tests check every entry under node16, nodenext and bundler): leaving @types/node out of each
// build's program makes the same files for less.
const DTS_FAST = { compilerOptions: { types: [] } };
// The declaration builds bundle the `.d.ts` files TypeScript 7's native tsc writes from src/
// (tsconfig.dts.json, run by `npm run build` first): a second of CPU, where making them from
// the sources took a TypeScript 5.9 program per entry (about 12 CPU-s on two cores).
const DTS_DIR = ".dts";
// rollup-plugin-dts loads TypeScript (0.4 s); the code builds (`PART=code`, the longest step
// of `npm run build`) leave the declaration builds out, so they take a stand-in of that name.
const part = process.env.PART;
const { dts } =
  part === "code" ? { dts: () => ({ name: "dts" }) } : await import("rollup-plugin-dts");
const dtsOf = (source) => source.replace(/^src\//, `${DTS_DIR}/`).replace(/\.ts$/, ".d.ts");
// Source maps only when asked (`SOURCEMAP=1 npm run build`): with the sources embedded they
// were most of the package, and without them they point at files a user does not have.
const sourcemap = process.env.SOURCEMAP === "1";

/** The browser builds take the browser platform module instead of Node's. */
const browserPlatform = () => ({
  name: "browser-platform",
  resolveId(source, importer) {
    if (importer && source.endsWith("/platform/current.js")) {
      const file = importer.endsWith(".d.ts")
        ? dtsOf("src/platform/current.browser.ts")
        : "src/platform/current.browser.ts";
      return new URL(`./${file}`, import.meta.url).pathname;
    }
    return null;
  },
});

/** Prints every build's size. */
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
    }
  },
});

/** Everything src/node.ts re-exports comes from the Node entry's build, not a second copy. */
const nodeEntryImports = (_id, importer) => importer !== undefined;

/**
 * The browser entry's chunks: each lazy part (the client's lookups: browser-lookups.js; the
 * spec's cache and download path: browser-load-model.js; IndexedDB: browser-idb-spec-store.js;
 * a failed attempt's error and retry rules, hooks, logger, queue and key function:
 * browser-attempt-failed.js; none imports the core), and a shared core, should a lazy part
 * ever import from it.
 */
const browserChunk = (ext) => (chunk) =>
  chunk.name === "browser" ? `browser-core.${ext}` : `browser-[name].${ext}`;

/**
 * Fails the build when the minified UMD, or `import { APIClient }` bundled from the written
 * browser build as an app's bundler would (chunks loaded on demand split off), is over its
 * budget. It hangs on a build of its own, the last one, so that every file above is written
 * when it fails; that build writes nothing.
 */
const BUDGETS = "\0budgets";
const budgets = () => ({
  name: "budgets",
  resolveId: (source) => (source === BUDGETS ? source : null),
  load: (id) => (id === BUDGETS ? "export default 0;" : null),
  async generateBundle(_options, bundle) {
    for (const file of Object.keys(bundle)) delete bundle[file];
    // A lazy chunk that imported the core would make esbuild, bundling an app without code
    // splitting, wrap the whole core in lazy initializers (src/client/helpers/client-helpers.ts).
    // Every chunk but the core is lazy; it may import a dependency (idb-keyval), never a file.
    const lazy = readdirSync("dist").filter(
      (f) => /^browser-.+\.js$/.test(f) && f !== "browser-core.js",
    );
    if (lazy.length === 0)
      throw new Error("the browser build has no lazy chunk: is the check stale?");
    for (const file of lazy) {
      if (/^import\s*["']\.|\bfrom\s*["']\./m.test(readFileSync(`dist/${file}`, "utf8"))) {
        throw new Error(`dist/${file} imports the core; it must load on its own`);
      }
    }
    const gzipOf = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
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
      splitting: true,
      outdir: "dist",
      platform: "browser",
      format: "esm",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    // With splitting, the page loads the entry and what it imports statically, not the chunks
    // only dynamic imports reach.
    const outputs = result.metafile.outputs;
    const loaded = new Set([Object.keys(outputs).find((path) => outputs[path].entryPoint)]);
    for (const path of loaded) {
      for (const { path: next, kind } of outputs[path].imports) {
        if (kind === "import-statement" && outputs[next]) loaded.add(next);
      }
    }
    const code = result.outputFiles
      .filter((file) => [...loaded].some((path) => file.path.endsWith(path)))
      .map((file) => file.text)
      .join("\n");
    // Words only the futures and job functions say: none may ride along with the client.
    for (const word of ["CivisFuture:", "has no runs", "produced no"]) {
      if (code.includes(word)) {
        throw new Error(`import { APIClient } alone carries the jobs layer ("${word}")`);
      }
    }
    const alone = gzipSync(code, { level: 9 }).length;
    const over = [
      ["civis.umd.min.js", gzipOf("dist/civis.umd.min.js"), UMD_BUDGET_BYTES, TARGETS.umd],
      ["import { APIClient } alone", alone, APICLIENT_ALONE_BUDGET_BYTES, TARGETS.alone],
      ["civis.io.umd.min.js", gzipOf("dist/civis.io.umd.min.js"), IO_UMD_BUDGET_BYTES, TARGETS.io],
    ].map(([what, gz, budget, target]) => {
      console.log(
        `${what.padEnd(28)} gzip ${String(gz).padStart(6)} B  (ceiling ${budget} B, target ${target} B)`,
      );
      return gz > budget ? `${what} is ${gz} B gzipped, over the ${budget} B budget` : "";
    });
    if (over.some(Boolean)) throw new Error(over.filter(Boolean).join("; "));
  },
});

/**
 * esbuild's transform of each source file, made once for every build that bundles the file
 * (most bundle the core): the same code in gives the same code out.
 */
const transformed = new Map();
const ts = () => {
  const plugin = esbuild({ target: "es2022", tsconfig: "tsconfig.json" });
  return {
    ...plugin,
    async transform(code, id) {
      const known = transformed.get(id);
      if (known?.code === code) return known.result;
      const result = await plugin.transform.call(this, code, id);
      transformed.set(id, { code, result });
      return result;
    },
  };
};

/** src/io/core.ts: the core, imported from the core's own build. */
const isIoCore = (source, importer) =>
  source === "./core.js" && importer !== undefined && /[\\/](src|\.dts)[\\/]io[\\/]/.test(importer);
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

function ioBuilds() {
  const core = (file) => (id) => (id.endsWith("core.js") ? file : id);
  return [
    {
      input: "src/io/index.ts",
      external: ioExternal,
      plugins: [ts(), sizes()],
      output: [
        { file: "dist/io.js", format: "es", sourcemap, paths: core("./index.js") },
        { file: "dist/io.cjs", format: "cjs", sourcemap, paths: core("./index.cjs") },
      ],
    },
    {
      input: "src/io/index.ts",
      external: ioExternal,
      plugins: [ioBrowserPlatform(), ts(), sizes()],
      output: [
        { file: "dist/io.browser.js", format: "es", sourcemap, paths: core("./browser.js") },
        {
          file: "dist/io.browser.cjs",
          format: "cjs",
          sourcemap,
          paths: core("./browser.cjs"),
        },
      ],
    },
    {
      // For a <script> tag after civis.umd.min.js: the core comes from the global `civis`.
      input: "src/io/index.ts",
      external: isIoCore,
      plugins: [ioBrowserPlatform(), nodeResolve({ browser: true }), commonjs(), ts(), sizes()],
      output: [
        {
          file: "dist/civis.io.umd.min.js",
          format: "umd",
          name: "civis.io",
          globals: (id) => (id.endsWith("core.js") ? "civis" : id),
          paths: core("civis"),
          sourcemap,
          plugins: [terser()],
        },
      ],
    },
    {
      input: dtsOf("src/io/index.ts"),
      external: ioExternal,
      plugins: [dts(DTS_FAST), sizes()],
      output: [
        { file: "dist/io.d.ts", format: "es", paths: core("./index.js") },
        { file: "dist/io.d.cts", format: "es", paths: core("./index.cjs") },
      ],
    },
  ];
}

const builds = [
  {
    input: "src/index.ts",
    external,
    plugins: [ts(), sizes()],
    output: [
      { file: "dist/index.js", format: "es", sourcemap, inlineDynamicImports: true },
      { file: "dist/index.cjs", format: "cjs", sourcemap, inlineDynamicImports: true },
    ],
  },
  {
    input: "src/browser.ts",
    external,
    // As for civis/testing: an import of node:fs left behind by src/internal.ts (the CLI's file
    // reader) would keep the browser build from loading; civis has no side-effect imports.
    treeshake: { moduleSideEffects: "no-external" },
    plugins: [browserPlatform(), ts(), sizes()],
    // Lazily loaded parts (the client's lookups) stay chunks of their own, so an app's bundler
    // keeps them out of the page until they are used.
    output: [
      {
        dir: "dist",
        entryFileNames: "browser.js",
        chunkFileNames: browserChunk("js"),
        format: "es",
        sourcemap,
      },
      {
        dir: "dist",
        entryFileNames: "browser.cjs",
        chunkFileNames: browserChunk("cjs"),
        format: "cjs",
        sourcemap,
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
        sourcemap,
        inlineDynamicImports: true,
      },
      {
        file: "dist/civis.umd.min.js",
        format: "umd",
        name: "civis",
        sourcemap,
        inlineDynamicImports: true,
        plugins: [terser()],
      },
    ],
  },
  {
    input: dtsOf("src/index.ts"),
    plugins: [dts(DTS_FAST), sizes()],
    // Under node16/nodenext a `.d.ts` in a `"type": "module"` package types an ES module, so
    // `require` needs its own `.d.cts` (arethetypeswrong: "Masquerading as ESM").
    output: [
      { file: "dist/index.d.ts", format: "es" },
      { file: "dist/index.d.cts", format: "es" },
    ],
  },
  {
    // Browser users get the browser entry's types: no Node-only exports such as cacheApiSpec.
    input: dtsOf("src/browser.ts"),
    plugins: [browserPlatform(), dts(DTS_FAST), sizes()],
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
      { file: "dist/testing.js", format: "es", sourcemap },
      { file: "dist/testing.cjs", format: "cjs", sourcemap },
    ],
  },
  {
    input: dtsOf("src/testing/index.ts"),
    plugins: [dts(DTS_FAST), sizes()],
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
    input: dtsOf("src/node.ts"),
    external: nodeEntryImports,
    // Only re-exports of the Node build, all external: no file it imports need be read (a
    // program over the whole source tree cost as much as the Node build's own types).
    plugins: [dts({ compilerOptions: { noResolve: true, noLib: true, types: [] } }), sizes()],
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
    output: [
      {
        file: "dist/cli.js",
        format: "es",
        banner: "#!/usr/bin/env node",
        sourcemap,
        inlineDynamicImports: true,
      },
    ],
  },
  {
    input: BUDGETS,
    plugins: [budgets()],
    output: { dir: "dist", format: "es" },
  },
];

// `npm run build` runs the declaration builds (`--environment PART:types`, once tsc has written
// .dts/) and the code builds (`PART:code`, the size check last) as two processes side by side;
// with no PART, one process builds everything (.dts/ must be written first).
const isTypes = (config) => (config.plugins ?? []).some((plugin) => plugin?.name === "dts");
export default part === undefined
  ? builds
  : builds.filter((config) => (part === "types") === isTypes(config));
