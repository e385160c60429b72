import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { typeErrors, typeWorkspace } from "./helpers/compile-types.js";
import { civisSpec, githubSpec } from "./helpers/real-specs.js";

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
