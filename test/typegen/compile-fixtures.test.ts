import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { typeErrors, typeWorkspace } from "./helpers/compile-types.js";

const FIXTURES = [
  "swagger2-basic",
  "openapi3-basic",
  "openapi31-basic",
  "hostile-names",
  "civis-python-rules",
];

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
