import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packTarball, run, type Tarball } from "./helpers/pack.js";
import { assertBuilt, repoRoot } from "./helpers/paths.js";

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
  typesFileName?: string;
  implementationFileName?: string;
}

interface AttwReport {
  analysis: { entrypoints: Record<string, { resolutions: Record<string, unknown> }> };
  problems?: Record<string, AttwProblem[]>;
}

/** arethetypeswrong exits 1 when it finds problems; its JSON report is on stdout either way. */
async function attw(tarball: string): Promise<AttwReport> {
  const bin = join(repoRoot, "node_modules/@arethetypeswrong/cli/dist/index.js");
  const args = [bin, tarball, "--format", "json", "--profile", "strict"];
  try {
    const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as AttwReport;
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return JSON.parse(stdout) as AttwReport;
  }
}

// The same user code, written for each way TypeScript resolves `civis`.
const USER_CODE = `
const options: ClientOptions = { apiKey: "key", retries: { maxAttempts: 3 } };
export const client: Promise<APIClient> = APIClient.create(options);
export function status(error: unknown): number | undefined {
  return error instanceof CivisAPIError ? error.status_code : undefined;
}
export const snake: string = camelToSnake("createdAt");
`;
const IMPORTS = `import { APIClient, CivisAPIError, type ClientOptions, camelToSnake } from "civis";`;

const SOURCES: Record<string, string> = {
  // Node ESM and CJS (module: node16), cacheApiSpec included.
  "esm.mts": `${IMPORTS}\nimport { cacheApiSpec } from "civis";\nexport const write: Function = cacheApiSpec;\n${USER_CODE}`,
  "cjs.cts": `${IMPORTS}\nimport civis = require("civis");\nexport const write: Function = civis.cacheApiSpec;\n${USER_CODE}`,
  // A bundled web app.
  "app.ts": `${IMPORTS}\n${USER_CODE}`,
};

const CONFIGS: Record<string, object> = {
  "node16 (ESM and CJS), Node types only": {
    compilerOptions: {
      module: "node16",
      moduleResolution: "node16",
      target: "ES2022",
      lib: ["ES2022"],
      types: ["node"],
      typeRoots: [join(repoRoot, "node_modules/@types")],
    },
    files: ["esm.mts", "cjs.cts"],
  },
  "bundler, DOM types only": {
    compilerOptions: {
      module: "esnext",
      moduleResolution: "bundler",
      target: "ES2022",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: [],
    },
    files: ["app.ts"],
  },
};

describe("the published types", () => {
  let folder: string;
  let tarball: Tarball;

  beforeAll(async () => {
    assertBuilt();
    folder = await mkdtemp(join(tmpdir(), "civis-types-"));
    tarball = await packTarball(folder);
  }, 120_000);
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("resolve in every mode arethetypeswrong knows (node10, node16 CJS and ESM, bundler)", async () => {
    const report = await attw(tarball.path);
    const problems = Object.values(report.problems ?? {})
      .flat()
      .map(
        (p) =>
          `${p.kind}: ${p.typesFileName ?? ""} for ${p.implementationFileName ?? p.entrypoint ?? ""}`,
      );
    // FalseESM means `require` gets ESM types: the exports map needs `types` inside each
    // `import` / `require` branch, pointing at dist/index.d.ts / dist/index.d.cts.
    expect(problems, "arethetypeswrong problems").toEqual([]);
    const resolutions = Object.keys(report.analysis.entrypoints["."]?.resolutions ?? {});
    expect(resolutions).toEqual(
      expect.arrayContaining(["node10", "node16-cjs", "node16-esm", "bundler"]),
    );
  });

  describe("compile a user's code, with no skipLibCheck", () => {
    let project: string;

    beforeAll(async () => {
      project = join(folder, "project");
      const installed = join(project, "node_modules", "civis");
      await mkdir(installed, { recursive: true });
      await run("tar", ["-xzf", tarball.path, "-C", installed, "--strip-components=1"]);
      await writeFile(
        join(project, "package.json"),
        '{ "name": "civis-user", "type": "module" }\n',
      );
      for (const [name, text] of Object.entries(SOURCES))
        await writeFile(join(project, name), text);
    });

    it.each(Object.keys(CONFIGS))("%s", async (name) => {
      const config = {
        ...CONFIGS[name],
        compilerOptions: {
          ...(CONFIGS[name] as { compilerOptions: object }).compilerOptions,
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
      };
      const file = join(project, `tsconfig.${name.split(" ")[0]}.json`);
      await writeFile(file, JSON.stringify(config));
      const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
      const result = await run(process.execPath, [tsc, "-p", file]).catch(
        (error: { stdout?: string; message: string }) => ({
          stdout: error.stdout ?? error.message,
        }),
      );
      expect(result.stdout).toBe("");
    });
  });
});
