import { readFileSync } from "node:fs";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { generateTypes } from "../../src/typegen/generate-types.js";
import {
  languageService,
  strictOptions,
  typeErrors,
  typeWorkspace,
} from "./helpers/compile-types.js";
import { FIXTURES } from "./helpers/fixture-specs.js";
import { civisSpec, githubSpec } from "./helpers/real-specs.js";

// Every type check of the typegen tests, in one file so that they run in one process: each
// process parses and binds TypeScript's libs, @types/node and src/ once (about 4 s of CPU),
// and the checks after the first share them through the helpers' DocumentRegistry. As four
// files, the four workers paid for it four times.

function read(path: string): string {
  return readFileSync(new URL(path, import.meta.url), "utf8");
}

/** A usage file whose two mistakes must both be reported: proof that the check can fail. */
const PROBE = [
  'import { APIClient } from "civis";',
  'import type { CivisApi } from "./swagger2-basic-api";',
  "export async function probe(): Promise<void> {",
  "  const client = await APIClient.create<CivisApi>();",
  "  await client.workflows.list({ limt: 5 });",
  "  // @ts-expect-error this call is correct, so the directive is unused",
  "  await client.workflows.list({ limit: 5 });",
  "}",
].join("\n");

describe("declarations generated from the fixture specs, under tsc --strict", () => {
  const workspace = typeWorkspace();
  afterAll(() => workspace.remove());

  it("compile; correct calls type-check and every wrong one is refused", () => {
    const files: string[] = [];
    for (const name of FIXTURES) {
      const spec: unknown = JSON.parse(read(`../fixtures/${name}.json`));
      files.push(workspace.write(`${name}-api.d.ts`, generateTypes(spec).text));
      files.push(workspace.write(`${name}-usage.ts`, read(`./usage/${name}.ts.txt`)));
    }
    files.push(workspace.write("probe-usage.ts", PROBE));

    const errors = typeErrors(workspace, files);
    // Only the probe's two mistakes: the usage files' marked lines all failed as expected.
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^probe-usage\.ts:5: TS\d+ [\s\S]*'limt' does not exist/);
    expect(errors[1]).toMatch(/^probe-usage\.ts:6: TS2578 Unused '@ts-expect-error'/);
  }, 120_000);
});

// The real specs.

const CASES = [
  { spec: civisSpec, file: "civis", typeName: "CivisApi", operations: 910 },
  { spec: githubSpec, file: "github", typeName: "GitHubApi", operations: 1223 },
] as const;

function usage(file: string): string {
  return readFileSync(new URL(`./usage/${file}.ts.txt`, import.meta.url), "utf8");
}

for (const { spec, file, typeName, operations } of CASES) {
  describe.skipIf(!spec.present)(`declarations for the ${spec.name} spec`, () => {
    const workspace = typeWorkspace();
    afterAll(() => workspace.remove());

    it("cover every operation and compile under tsc --strict, refusing wrong calls", () => {
      const generated = generateTypes(spec.load(), { typeName });
      expect(generated.operations).toBe(operations);
      const files = [
        workspace.write(`${file}-api.d.ts`, generated.text),
        workspace.write(`${file}-usage.ts`, usage(file)),
      ];
      expect(typeErrors(workspace, files)).toEqual([]);
    }, 300_000);
  });
}

// The README's snippet.

/** The TypeScript example of the README's "Types for your editor" section, as printed. */
function readmeSnippet(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Types for your editor"));
  const snippet = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!snippet) throw new Error("README: no ts block under 'Types for your editor'");
  return snippet;
}

const SETUPS: Record<string, ts.CompilerOptions> = {
  bundler: strictOptions(),
  NodeNext: {
    ...strictOptions(),
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  },
};

describe("the README's TypeScript snippet, with a file written by civis typegen", () => {
  const workspace = typeWorkspace();
  afterAll(() => workspace.remove());
  // An ES module project, as NodeNext needs for the snippet's top-level await.
  workspace.write("package.json", '{ "type": "module" }\n');
  const spec: unknown = JSON.parse(
    readFileSync(new URL("../fixtures/swagger2-basic.json", import.meta.url), "utf8"),
  );
  workspace.write("civis-api.d.ts", generateTypes(spec).text);
  const snippet = workspace.write("snippet.ts", readmeSnippet());
  // The form the README used to print: proof that the NodeNext setup does check extensions.
  const extensionless = workspace.write(
    "extensionless.ts",
    readmeSnippet().replace('"./civis-api.js"', '"./civis-api"'),
  );

  it("compiles under moduleResolution bundler", () => {
    expect(typeErrors(workspace, [snippet], SETUPS.bundler)).toEqual([]);
  }, 60_000);

  it("compiles under moduleResolution NodeNext, which would refuse it without the .js", () => {
    // One program for both files: each type-check of the client's source takes seconds.
    const errors = typeErrors(workspace, [snippet, extensionless], SETUPS.NodeNext);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^extensionless\.ts:2: TS2834 Relative import paths need explicit file extensions/,
    );
  }, 60_000);
});

// An editor's hover.

const hoverSpec = JSON.parse(
  readFileSync(new URL("../fixtures/swagger2-basic.json", import.meta.url), "utf8"),
) as object;

const USAGE = `import { APIClient } from "civis";
import type { CivisApi } from "./api";
const client = new APIClient<CivisApi>({ localApiSpec: {} });
client.workflows.list({ limit: 1 });
client.reports.get(1);
export {};
`;

/** What an editor shows on hover: the language service's quick info. */
function hover(service: ts.LanguageService, file: string, text: string, probe: string) {
  const info = service.getQuickInfoAtPosition(file, text.indexOf(probe) + probe.length - 1);
  return {
    documentation: ts.displayPartsToString(info?.documentation),
    tags: (info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`),
  };
}

describe("an editor's hover over a typed client's method", () => {
  const workspace = typeWorkspace();
  afterAll(() => workspace.remove());
  const api = workspace.write("api.d.ts", generateTypes(hoverSpec).text);
  const usage = workspace.write("usage.ts", USAGE);
  const files = new Map([
    [api, readFileSync(api, "utf8")],
    [usage, USAGE],
  ]);
  const service = languageService(workspace, [...files.keys()], strictOptions(), files);
  const client = new APIClient({ localApiSpec: hoverSpec, apiKey: "unused" });
  const resources = client as unknown as Record<string, Record<string, { doc: string }>>;

  it("shows the help() text, for an overloaded (paginated) method too", () => {
    const shown = hover(service, usage, USAGE, "client.workflows.list");
    expect(shown.documentation).toBe(`\`\`\`text\n${resources.workflows!.list!.doc}\n\`\`\``);
  }, 60_000);

  it("marks a deprecated method, and the editor reports its use", () => {
    const shown = hover(service, usage, USAGE, "client.reports.get");
    expect(shown.documentation).toContain(resources.reports!.get!.doc);
    expect(shown.tags).toEqual(["@deprecated Use X instead."]);
    const notes = service
      .getSuggestionDiagnostics(usage)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(notes).toContain("'get' is deprecated.");
  }, 60_000);
});
