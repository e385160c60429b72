import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./paths.js";

export const run = promisify(execFile);

export interface Tarball {
  /** Absolute path of the `.tgz`. */
  readonly path: string;
  /** Every file in it, relative to the package root. */
  readonly files: readonly string[];
}

/** `npm pack` of this repository into `destination`, as it would be published. */
export async function packTarball(destination: string): Promise<Tarball> {
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", destination], {
    cwd: repoRoot,
  });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed no package: ${stdout}`);
  return { path: join(destination, info.filename), files: info.files.map((file) => file.path) };
}
