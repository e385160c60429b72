import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { distDir, repoRoot } from "./paths.js";

function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

function builtAt(): number {
  try {
    return statSync(join(distDir, "index.js")).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * The browser tests run the built files: `npm run test:e2e` builds first, and so does a
 * lone `vitest run --project e2e` when dist/ is missing or older than src/.
 */
export function buildIfStale(): void {
  if (builtAt() >= newest(join(repoRoot, "src"))) return;
  console.warn("\ndist/ is missing or older than src/: building it for the e2e tests...\n");
  const rollup = join(repoRoot, "node_modules/rollup/dist/bin/rollup");
  execFileSync(process.execPath, [rollup, "-c", "--silent"], { cwd: repoRoot, stdio: "inherit" });
}
