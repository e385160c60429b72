import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askShared, ensureBuilt } from "./helpers/ask-shared.js";
import type { Tarball } from "./helpers/pack.js";
import { run } from "./helpers/pack.js";
import { repoRoot } from "./helpers/paths.js";
import { typeCheck } from "./helpers/type-check.js";

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
const NODE_IMPORTS = `import { cacheApiSpec, OutOfDateError, type TypegenOptions, type TypegenResult, typegen } from "civis/node";`;
const NODE_CODE = `
export const generate: (options: TypegenOptions) => Promise<TypegenResult> = typegen;
export const save: (path?: string) => Promise<unknown> = (path) => cacheApiSpec(path);
export const stale = (error: unknown): boolean => error instanceof OutOfDateError;
`;

const SOURCES: Record<string, string> = {
  // Node ESM and CJS (module: node16), cacheApiSpec included.
  "esm.mts": `${IMPORTS}\nimport { cacheApiSpec } from "civis";\nexport const write: Function = cacheApiSpec;\n${USER_CODE}`,
  "cjs.cts": `${IMPORTS}\nimport civis = require("civis");\nexport const write: Function = civis.cacheApiSpec;\n${USER_CODE}`,
  // A bundled web app, with the testing kit (its types once needed Node's).
  "app.ts": `${IMPORTS}\nimport { mockFetch } from "civis/testing";\nexport const mock: typeof mockFetch = mockFetch;\n${USER_CODE}`,
  // The Node-only exports through \`civis/node\`, which every resolution mode finds.
  "node-esm.mts": `${IMPORTS}\n${NODE_IMPORTS}\n${NODE_CODE}\n${USER_CODE}`,
  "node-cjs.cts": `${IMPORTS}\nimport civisNode = require("civis/node");\nconst { cacheApiSpec, typegen, OutOfDateError } = civisNode;\ntype TypegenOptions = import("civis/node").TypegenOptions;\ntype TypegenResult = import("civis/node").TypegenResult;\n${NODE_CODE}\n${USER_CODE}`,
  // A Node project with a bundler's tsconfig (Vite's and Next.js's default): "civis" resolves
  // to the browser types, so the Node-only functions come from "civis/node".
  "node-app.ts": `${IMPORTS}\n${NODE_IMPORTS}\n${NODE_CODE}\n${USER_CODE}`,
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
    files: ["esm.mts", "cjs.cts", "node-esm.mts", "node-cjs.cts"],
  },
  "nodenext (ESM and CJS), Node types only": {
    compilerOptions: {
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "ES2022",
      lib: ["ES2022"],
      types: ["node"],
      typeRoots: [join(repoRoot, "node_modules/@types")],
    },
    files: ["esm.mts", "cjs.cts", "node-esm.mts", "node-cjs.cts"],
  },
  "bundler-node (a Node project with a bundler's tsconfig)": {
    compilerOptions: {
      module: "esnext",
      moduleResolution: "bundler",
      target: "ES2022",
      lib: ["ES2022"],
      types: ["node"],
      typeRoots: [join(repoRoot, "node_modules/@types")],
    },
    files: ["node-app.ts"],
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
  let tarball: Tarball;
  let folder: string;
  // Started first and awaited last: it runs in its own process while the compiles use this one.
  let report: Promise<AttwReport>;

  beforeAll(async () => {
    await ensureBuilt();
    tarball = await askShared("tarball");
    report = attw(tarball.path);
    // Handled by the test that awaits it; this keeps a failure from being reported twice.
    report.catch(() => {});
    folder = await mkdtemp(join(tmpdir(), "civis-types-"));
  });
  afterAll(async () => {
    await report?.catch(() => {});
    if (folder) await rm(folder, { recursive: true, force: true });
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

    it.each(Object.keys(CONFIGS))(
      "%s",
      async (name) => {
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
        expect(await typeCheck(file)).toBe("");
      },
      // A full type check with Node's types takes seconds on a busy two-core machine.
      120_000,
    );

    it("reports a user's type error: the checks above can fail", async () => {
      await writeFile(
        join(project, "wrong.ts"),
        `${IMPORTS}\nexport const n: number = camelToSnake(5);\n`,
      );
      const config = {
        compilerOptions: {
          ...(CONFIGS["bundler, DOM types only"] as { compilerOptions: object }).compilerOptions,
          strict: true,
          noEmit: true,
        },
        files: ["wrong.ts"],
      };
      const file = join(project, "tsconfig.wrong.json");
      await writeFile(file, JSON.stringify(config));
      const printed = await typeCheck(file);
      expect(printed).toMatch(
        /wrong\.ts\(2,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/,
      );
      expect(printed).toMatch(/wrong\.ts\(2,\d+\): error TS2345: Argument of type 'number'/);
    });
  });

  it("resolve in every mode arethetypeswrong knows (node10, node16 CJS and ESM, bundler), civis/node too", async () => {
    const { problems: found, analysis } = await report;
    const problems = Object.values(found ?? {})
      .flat()
      // node10 reads no "exports", so no subpath (civis/node, civis/io, civis/testing)
      // resolves there; its "civis" is the Node types (package.json "types"), which hold the
      // Node-only exports already.
      .filter(
        (p) =>
          !(
            p.kind === "NoResolution" &&
            ["./node", "./io", "./testing"].includes(p.entrypoint ?? "") &&
            p.resolutionKind === "node10"
          ),
      )
      .map(
        (p) =>
          `${p.kind}: ${p.typesFileName ?? ""} for ${p.implementationFileName ?? p.entrypoint ?? ""}`,
      );
    // FalseESM means `require` gets ESM types: the exports map needs `types` inside each
    // `import` / `require` branch, pointing at dist/index.d.ts / dist/index.d.cts.
    expect(problems, "arethetypeswrong problems").toEqual([]);
    const resolutions = Object.keys(analysis.entrypoints["."]?.resolutions ?? {});
    expect(resolutions).toEqual(
      expect.arrayContaining(["node10", "node16-cjs", "node16-esm", "bundler"]),
    );
    // civis/node too (node10 cannot see subpaths at all, which arethetypeswrong allows).
    const node = Object.keys(analysis.entrypoints["./node"]?.resolutions ?? {});
    expect(node).toEqual(expect.arrayContaining(["node16-cjs", "node16-esm", "bundler"]));
  });
});
