import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { repoRoot } from "./helpers/paths.js";

// What an app that uses one helper keeps of civis, bundled by esbuild (rollup's side is in
// esm-dashboard.test.ts): camelToSnake's code and nothing else, for every entry and condition.
const APP = 'import { camelToSnake } from "civis";\nconsole.log(camelToSnake("createdAt"));\n';
const KEPT = ["FIRST", "SECOND", "memo", "camelToSnake"];

describe("the entries are free of side effects", () => {
  let project: string;

  beforeAll(async () => {
    await ensureBuilt();
    project = await mkdtemp(join(tmpdir(), "civis-esbuild-"));
    await mkdir(join(project, "node_modules"));
    await symlink(repoRoot, join(project, "node_modules", "civis"), "dir");
  });
  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it.each(["browser", "node"] as const)(
    "esbuild, platform %s (its export condition): only camelToSnake is kept",
    async (platform) => {
      const result = await build({
        stdin: { contents: APP, resolveDir: project, sourcefile: "app.js", loader: "js" },
        bundle: true,
        write: false,
        format: "esm",
        platform,
        logLevel: "silent",
      });
      const code = result.outputFiles[0]!.text;
      const declared = [...code.matchAll(/^(?:var|let|const|function|class) ([\w$]+)/gm)].map(
        (match) => match[1],
      );
      expect(declared).toEqual(KEPT);
      expect(code).not.toMatch(/idb-keyval|FinalizationRegistry|Object\.keys/);
    },
  );
});
