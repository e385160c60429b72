import { execFile } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { OutputOptions, RollupOptions } from "rollup";

const root = new URL("../../../", import.meta.url);
/** The build `npm run build` makes; used when it is newer than src/. */
const DIST_CLI = fileURLToPath(new URL("dist/cli.js", root));
/**
 * The tests' own build otherwise, outside dist/ (which a fresh clone lacks and a build
 * owns), kept between runs while it is newer than src/. It sits under the checkout's
 * node_modules so that the packages the CLI imports (papaparse, for `civis sql`) resolve.
 */
const OWN_CLI = fileURLToPath(new URL("node_modules/.cache/civis-cli-test/cli.js", root));
const CLI_ENTRY = "src/cli/main.ts";

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isCurrent(path: string): boolean {
  try {
    return statSync(path).mtimeMs >= newestSource(fileURLToPath(new URL("src", root)));
  } catch {
    return false;
  }
}

/** The CLI the tests run: dist/cli.js when it is up to date, else their own build. */
let built: Promise<string> | undefined;

/**
 * Makes sure an up-to-date CLI exists, once per process: dist/cli.js (`npm test` builds
 * first), else the tests' own build, made with rollup.config.mjs's own CLI entry, so a lone
 * `vitest run` works from a fresh clone. Written through a rename, so a test file running
 * the binary in parallel never sees half of it.
 */
export async function ensureCliBuilt(): Promise<void> {
  await builtCli();
}

function builtCli(): Promise<string> {
  built ??= buildCli().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}

async function buildCli(): Promise<string> {
  if (isCurrent(DIST_CLI)) return DIST_CLI;
  if (isCurrent(OWN_CLI)) return OWN_CLI;
  const { rollup } = await import("rollup");
  const configUrl = pathToFileURL(fileURLToPath(new URL("rollup.config.mjs", root))).href;
  const configs = ((await import(configUrl)) as { default: RollupOptions[] }).default;
  const config = configs.find((c) => c.input === CLI_ENTRY);
  if (!config) throw new Error(`rollup.config.mjs has no build with input ${CLI_ENTRY}`);
  const bundle = await rollup({ ...config, input: fileURLToPath(new URL(CLI_ENTRY, root)) });
  const output = (Array.isArray(config.output) ? config.output[0] : config.output) as OutputOptions;
  const { output: chunks } = await bundle.generate({ ...output, sourcemap: false });
  await bundle.close();
  mkdirSync(dirname(OWN_CLI), { recursive: true });
  const temporary = `${OWN_CLI}.${process.pid}.tmp`;
  writeFileSync(temporary, chunks[0].code);
  renameSync(temporary, OWN_CLI);
  return OWN_CLI;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node cli.js ...args`, the built binary (dist/ or the tests' own build), in a clean
 * environment (only PATH, a throwaway HOME, and `env`), so the developer's own key and cache
 * never leak in. Most tests run the command line in-process instead (in-process-cli.ts): a
 * spawn costs a Node start-up; these check what only the binary has (main.ts, the bundle).
 */
export async function spawnCli(
  args: readonly string[],
  env: Record<string, string>,
): Promise<CliRun> {
  const cli = await builtCli();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8", timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A throwaway HOME (and cache folder) for a test file. */
export function tempHome(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "civis-cli-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a file in a folder and returns its path. */
export function writeIn(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
