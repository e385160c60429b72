import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { benchModules, outDir, repoRoot } from "./paths.mjs";

export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * Resolves civis's sources as the browser builds do: `.js` imports to the `.ts`
 * files, and the platform module swapped for the browser one (rollup.config.mjs).
 * `stub(path)` may return module text to put in place of a source file.
 */
export function civisSources(stub = () => undefined) {
  return {
    name: "civis-sources",
    setup(b) {
      b.onResolve({ filter: /\/platform\/current\.js$/ }, () => ({
        path: join(repoRoot, "src/platform/current.browser.ts"),
      }));
      b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
        if (!args.importer.endsWith(".ts")) return undefined;
        const path = join(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
        return stub(path) === undefined ? { path } : { path, namespace: "stub" };
      });
      b.onResolve({ filter: /^[a-z@]/ }, (args) =>
        stub(args.path) === undefined ? undefined : { path: args.path, namespace: "stub" },
      );
      b.onLoad({ filter: /.*/, namespace: "stub" }, (args) => ({
        contents: stub(args.path),
        loader: "js",
      }));
    },
  };
}

/**
 * Bundles `contents` (an entry module's text) for the browser, minified, as an
 * IIFE; writes the esbuild metafile to bench/out/ and returns the sizes.
 */
export async function bundle(name, contents, plugins = []) {
  const result = await build({
    plugins,
    stdin: { contents, resolveDir: repoRoot, sourcefile: "entry.js", loader: "js" },
    // The peers live in bench/'s own node_modules, civis's dependencies in the root's.
    nodePaths: [benchModules],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "iife",
    globalName: "peer",
    target: "es2022",
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `size-${name.replace(/[^a-z0-9]+/gi, "-")}.meta.json`);
  writeFileSync(file, JSON.stringify(result.metafile));
  return { name, bytes: code.length, gzip: gzip(code), metafile: result.metafile };
}

/**
 * Bundles `contents` (an entry module's text) from civis's sources as an app's bundler would
 * for the browser: minified ES modules, chunks reached only by dynamic import split off (the
 * first output file is the entry). Returns esbuild's result, with its metafile.
 */
export function appBundle(contents, plugin = civisSources()) {
  return build({
    plugins: [plugin],
    stdin: { contents, resolveDir: repoRoot, sourcefile: "entry.js", loader: "js" },
    bundle: true,
    minify: true,
    splitting: true,
    // src/internal.ts imports the CLI's file reader, which no browser bundle keeps.
    external: ["node:*"],
    outdir: "out",
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
}
