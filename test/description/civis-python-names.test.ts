import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { normalizeSpec } from "../../src/description/normalize.js";
import type { Operation } from "../../src/description/types.js";
import { help } from "../../src/help/help.js";

// The real Civis spec and civis-python 2.9.1's own method names sit beside the
// repository, never inside it.
const repoRoot = new URL("../../", import.meta.url);
const specPath = fileURLToPath(new URL("../shared/specs/civis_api_spec.json", repoRoot));
const docsPath = fileURLToPath(new URL("../shared/specs/civis-python-docs.json", repoRoot));
const present = existsSync(specPath) && existsSync(docsPath);
if (!present) {
  console.log(
    `civis-python-names.test.ts: skipped, the Civis spec or civis-python's names are not at ${specPath} / ${docsPath}`,
  );
}

describe.skipIf(!present)("names and argument order as civis-python 2.9.1 gives them", () => {
  const spec = (): object => JSON.parse(readFileSync(specPath, "utf8")) as object;
  const pythonNames = (): string[] =>
    Object.keys(JSON.parse(readFileSync(docsPath, "utf8")) as object).filter(
      (key) => key !== "_commit",
    );
  const operations = (): Operation[] =>
    [...normalizeSpec(spec()).resources.values()].flatMap((r) => [...r.operations()]);

  it("has every civis-python method name on a client", () => {
    const client = new APIClient({ localApiSpec: spec(), apiKey: "k" }) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const names = pythonNames();
    expect(names.length).toBeGreaterThan(800);
    const missing = names.filter((name) => {
      const [resource, method] = name.split(".") as [string, string];
      return typeof client[resource]?.[method] !== "function";
    });
    expect(missing).toEqual([]);
  });

  it("makes exactly 34 get_* aliases, each the same function as its list_* name", () => {
    const client = new APIClient({ localApiSpec: spec(), apiKey: "k" }) as unknown as Record<
      string,
      Record<string, { doc: string }>
    >;
    const aliased = operations().filter((op) => op.aliases.length > 0);
    expect(aliased).toHaveLength(34);
    for (const op of aliased) {
      expect(op.name).toMatch(/^list/);
      expect(op.aliases).toEqual([op.name.replace(/^list/, "get")]);
      const resource = client[op.resource]!;
      expect(resource[op.aliases[0]!]).toBe(resource[op.name]);
    }
    expect(client.users!.get_me).toBe(client.users!.list_me);
    expect(client.jobs!.get_runs_inputs).toBe(client.jobs!.list_runs_inputs);
    // `GET /users/{id}/api_keys/{key_id}` holds `get_api_keys`: `list_api_keys` gets no alias.
    expect(client.users!.get_api_keys).not.toBe(client.users!.list_api_keys);
  });

  it("gives the 12 paths civis-python counts as lists no alias, and says ListResponse", () => {
    const lists = operations().filter(
      (op) =>
        op.verb === "get" &&
        /(git\/commits|history|children|parents|types|\/users)$/.test(op.path) &&
        op.returnsList,
    );
    const paths = lists.map((op) => op.path.slice(1)).sort();
    expect(paths).toEqual(
      expect.arrayContaining([
        "credentials/types",
        "databases/{id}/users",
        "jobs/{id}/children",
        "jobs/{id}/parents",
        "notebooks/{id}/git/commits",
        "reports/{id}/git/commits",
        "scripts/javascript/{id}/git/commits",
        "scripts/python3/{id}/git/commits",
        "scripts/r/{id}/git/commits",
        "scripts/sql/{id}/git/commits",
        "scripts/{id}/history",
        "workflows/{id}/git/commits",
      ]),
    );
    const client = new APIClient({ localApiSpec: spec(), apiKey: "k" }) as unknown as Record<
      string,
      Record<string, { doc: string } | undefined>
    >;
    for (const op of lists) expect(op.aliases).toEqual([]);
    expect(client.jobs!.get_children).toBeUndefined();
    expect(client.credentials!.list_types!.doc).toMatch(/Returns\n-------\nListResponse\n/);
    expect(client.scripts!.list_history!.doc).toMatch(/Returns\n-------\nListResponse\n/);
  });

  it("takes path parameters in the spec's order, as civis-python does", () => {
    const byName = new Map(operations().map((op) => [`${op.resource}.${op.name}`, op]));
    expect(byName.get("tables.get_enhancements_geocodings")!.pathParams).toEqual([
      "id",
      "source_table_id",
    ]);
    expect(byName.get("databases.delete_schemas_tables_projects")!.pathParams).toEqual([
      "id",
      "project_id",
      "schema_name",
      "table_name",
    ]);
    const reordered = operations().filter((op) => {
      const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      return inPath.join() !== op.pathParams.join();
    });
    expect(reordered).toHaveLength(4);
  });

  it("names the param-after-param paths by the earlier parameter", () => {
    const client = new APIClient({ localApiSpec: spec(), apiKey: "k" }) as unknown as Record<
      string,
      Record<string, { doc: string } | undefined>
    >;
    expect(client.aliases!.get_object_type!.doc).toContain("GET /aliases/{object_type}/{alias}");
    expect(client.aliases!.get_alias).toBeUndefined();
    expect(client.databases!.get_table_privileges_schema_name).toBeDefined();
    expect(help(client.users!.get_me)).toBe(client.users!.list_me!.doc);
  });
});
