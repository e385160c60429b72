import { readFileSync } from "node:fs";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { strictOptions, typeErrors, typeWorkspace } from "./helpers/compile-types.js";

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
