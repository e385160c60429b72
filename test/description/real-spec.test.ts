import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { normalizeSpec } from "../../src/description/normalize.js";
import type { ApiModel } from "../../src/description/types.js";
import { methodDoc } from "../../src/docs/method-doc.js";

// The real Civis spec sits beside the repository, never inside it.
const repoRoot = new URL("../../", import.meta.url);
const specPath = fileURLToPath(new URL("../shared/specs/civis_api_spec.json", repoRoot));
const present = existsSync(specPath);
if (!present) {
  console.log(`real-spec.test.ts: skipped, the Civis API spec is not at ${specPath}`);
}

describe.skipIf(!present)("the real Civis API spec", () => {
  const load = (): object => JSON.parse(readFileSync(specPath, "utf8")) as object;
  let cached: ApiModel | undefined;
  const model = (): ApiModel => {
    cached ??= normalizeSpec(load());
    return cached;
  };

  it("has 41 resources and 910 methods", () => {
    expect(model().resources.size).toBe(41);
    const counts = [...model().resources.values()].map((r) => r.operations().length);
    expect(counts.reduce((a, b) => a + b)).toBe(910);
  });

  it("gives no two methods one name", () => {
    const names = new Set<string>();
    for (const [key, resource] of model().resources) {
      for (const op of resource.operations()) names.add(`${key}.${op.name}`);
    }
    expect(names.size).toBe(910);
  });

  it("renders every method's doc", () => {
    for (const resource of model().resources.values()) {
      for (const op of resource.operations()) {
        const doc = methodDoc(model(), op);
        expect(doc).toContain(`API URL: ${op.verb.toUpperCase()} ${op.path}`);
        expect(doc).toContain("Returns\n-------\n");
        // Only the API URL, which cannot be broken, may pass 79 columns.
        const long = doc.split("\n").filter((line) => line.length > 79);
        expect(long.filter((line) => !line.startsWith("API URL: "))).toEqual([]);
      }
    }
  });

  it("detects at least 20 deprecated operations", () => {
    let deprecated = 0;
    for (const resource of model().resources.values()) {
      for (const op of resource.operations()) if (op.deprecation !== undefined) deprecated++;
    }
    expect(deprecated).toBeGreaterThanOrEqual(20);
  });

  it("builds a client with the documented names", () => {
    const client = new APIClient({ localApiSpec: load(), apiKey: "k" });
    expect(Object.keys(client)).toHaveLength(41);
    expect(typeof client.workflows!.list_executions).toBe("function");
    expect(client.workflows!.list_executions.doc).toContain(
      "API URL: GET /workflows/{id}/executions",
    );
    expect(typeof client.workflows!.get_executions).toBe("function");
    expect(typeof client.users!.list_me).toBe("function");
    expect(typeof client.json_values!.get).toBe("function");
  });
});
