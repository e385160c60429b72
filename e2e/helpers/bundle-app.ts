import { copyFile, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import nodeResolve from "@rollup/plugin-node-resolve";
import { rollup } from "rollup";
import { repoRoot } from "./paths.js";

export interface BundledApp {
  /** The folder holding the bundle (`<entry name>.js`), to serve or read. */
  readonly outDir: string;
  /** The bundle's code. */
  readonly code: string;
  /** Every module rollup put in the bundle (absolute paths, symlinks resolved). */
  readonly modules: readonly string[];
  remove(): Promise<void>;
}

/**
 * Bundles `entry` for the browser as an app would: in a throwaway project whose
 * `node_modules/civis` links to this repository, so `import ... from "civis"` goes
 * through the package's own `exports` map (the `browser` condition), not a path alias.
 */
export async function bundleApp(entry: string): Promise<BundledApp> {
  const project = await mkdtemp(join(tmpdir(), "civis-app-"));
  try {
    await mkdir(join(project, "node_modules"));
    await symlink(repoRoot, join(project, "node_modules", "civis"), "dir");
    const input = join(project, basename(entry));
    await copyFile(entry, input);
    const build = await rollup({ input, plugins: [nodeResolve({ browser: true })] });
    const outDir = join(project, "out");
    const { output } = await build.write({ dir: outDir, format: "es" });
    await build.close();
    const [chunk] = output;
    return {
      outDir,
      code: chunk.code,
      modules: Object.keys(chunk.modules),
      remove: () => rm(project, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(project, { recursive: true, force: true });
    throw error;
  }
}
