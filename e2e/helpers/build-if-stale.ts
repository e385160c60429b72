import { spawn } from "node:child_process";
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
 * The browser tests run the built files: `npm test` and `npm run test:e2e` build first, and
 * a lone `npx vitest run e2e/` builds when dist/ is missing or older than src/ (as
 * `npm run build` does: the declaration files need TypeScript's emit first).
 */
export async function buildIfStale(): Promise<void> {
  if (builtAt() >= newest(join(repoRoot, "src"))) return;
  console.warn("\ndist/ is missing or older than src/: building it for the e2e tests...\n");
  const build = spawn("npm", ["run", "build", "--silent"], { cwd: repoRoot, stdio: "inherit" });
  const code = await new Promise<number | null>((resolve, reject) => {
    build.once("error", reject);
    build.once("close", resolve);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit code ${code})`);
}
