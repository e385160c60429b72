import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The source files an app's bundler keeps for `entry`, tree-shaken, lazy chunks apart. */
async function keptSources(entry: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: "app.js", loader: "js" },
    bundle: true,
    minify: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: "out",
    external: ["node:*"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = Object.values(result.metafile.outputs);
  const main = outputs.find((output) => output.entryPoint !== undefined);
  if (!main) throw new Error("esbuild wrote no entry chunk");
  // Only what esbuild kept bytes of: a module imported but entirely shaken away has none.
  return Object.entries(main.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

// The contract: importing { APIClient } alone pulls neither io nor testing (nor jobs) into a bundle.
describe("import { APIClient } alone, bundled as an app would", () => {
  it("keeps the client and none of civis/io, civis/testing, the jobs layer or the CLI", async () => {
    const kept = await keptSources('export { APIClient } from "./src/browser.ts";');
    expect(kept.some((path) => path.startsWith("src/client/"))).toBe(true);
    const above = kept.filter((path) => /^src\/(io|testing|jobs|cli|typegen)\//.test(path));
    expect(above).toEqual([]);
    expect(kept.some((path) => path.includes("papaparse"))).toBe(false);
  });

  // APIClient.create() loads the cache and its IndexedDB store with import() (load-model.ts).
  it("leaves the spec cache (src/cache/) to load on demand", async () => {
    const kept = await keptSources('export { APIClient } from "./src/browser.ts";');
    expect(kept.filter((path) => path.startsWith("src/cache/"))).toEqual([]);
    expect(kept.some((path) => path.startsWith("src/options/"))).toBe(true);
  });

  it("would notice: the all-in entry does carry the jobs layer", async () => {
    const kept = await keptSources('export * from "./src/browser.ts";');
    expect(kept.some((path) => path.startsWith("src/jobs/"))).toBe(true);
  });
});
