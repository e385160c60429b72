import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository root, derived from this file so no machine path is written down. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const distDir = fileURLToPath(new URL("../../dist/", import.meta.url));
export const pagesDir = fileURLToPath(new URL("../pages/", import.meta.url));

/** The e2e tests run against the built files: say so plainly when they are missing. */
export function assertBuilt(): void {
  for (const file of ["civis.umd.min.js", "browser.js", "index.js", "index.cjs", "index.d.ts"]) {
    if (!existsSync(`${distDir}${file}`)) {
      throw new Error(`dist/${file} is missing: run \`npm run build\` before the e2e tests`);
    }
  }
}
