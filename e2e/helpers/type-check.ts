import { join } from "node:path";
import { run } from "./pack.js";
import { repoRoot } from "./paths.js";

const TSC = join(repoRoot, "node_modules/typescript-native/bin/tsc");

/**
 * Type-checks one tsconfig.json with `tsc -p`; returns its errors as tsc prints them ("" if
 * none). The compiler is TypeScript 7's native one (the project's own `tsc --noEmit` uses it
 * too): a check with all of @types/node or lib.dom took it under a CPU-second, against about
 * eight for TypeScript 5.9's. arethetypeswrong, which carries its own TypeScript 5, checks
 * the package's resolution in every mode besides. One thread: other test files keep the
 * cores busy, and tsc's own threads only added CPU time.
 */
export async function typeCheck(tsconfigPath: string): Promise<string> {
  const args = [TSC, "-p", tsconfigPath, "--pretty", "false", "--singleThreaded"];
  try {
    await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
    return "";
  } catch (error) {
    // tsc exits non-zero when it reports errors, and prints them on stdout.
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    const printed = `${stdout ?? ""}${stderr ?? ""}`.trim();
    if (!printed) throw error;
    return printed;
  }
}
