import { describe, expect, it } from "vitest";
import { normalizeSpec } from "../../src/description/normalize.js";
import { operationDetail } from "../../src/description/operation-detail.js";
import type { ApiModel, Operation } from "../../src/description/types.js";
import { SpecError } from "../../src/errors/spec-error.js";
import { type FixtureName, loadFixture } from "../helpers/fixtures.js";

/** `[resource, method names]` pairs: entries, so a `__proto__` resource stays a plain key. */
function methodsOf(model: ApiModel): [string, string[]][] {
  return [...model.resources].map(([key, r]) => [key, r.operations().map((op) => op.name)]);
}

function operation(model: ApiModel, resource: string, name: string): Operation {
  const op = model.resources
    .get(resource)
    ?.operations()
    .find((o) => o.name === name);
  if (!op) throw new Error(`no ${resource}.${name} in the model`);
  return op;
}

function swagger(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return { swagger: "2.0", info: { title: "t", version: "1" }, paths, ...extra };
}

const ok = { responses: { "200": { description: "ok" } } };

describe("normalizeSpec: resources and method names", () => {
  const expected: [FixtureName, [string, string[]][]][] = [
    [
      "swagger2-basic",
      [
        [
          "workflows",
          [
            "list",
            "get",
            "patch",
            "put",
            "delete",
            "list_executions",
            "post_executions",
            "get_executions",
          ],
        ],
        ["users", ["list_me"]],
        ["json_values", ["get"]],
        ["git_repos", ["list_ref_names"]],
        ["tables", ["get_columns_column_id"]],
        ["imports", ["list_files", "post_files"]],
        ["scripts", ["list_legacy_runs"]],
        ["reports", ["list", "get"]],
      ],
    ],
    [
      "openapi3-basic",
      [
        [
          "workflows",
          [
            "list",
            "post",
            "get",
            "patch",
            "delete",
            "list_executions",
            "post_executions",
            "get_executions",
          ],
        ],
        ["users", ["list_me"]],
        ["scripts", ["list_legacy_runs"]],
      ],
    ],
    [
      "openapi31-basic",
      [
        ["workflows", ["list", "get", "patch"]],
        ["users", ["list_me"]],
      ],
    ],
    [
      "hostile-names",
      [
        ["__proto__", ["list", "get"]],
        ["constructor", ["list", "get"]],
        ["prototype", ["list", "get"]],
        ["then", ["list", "get"]],
        ["tostring", ["list", "get"]],
        ["hasownproperty", ["list", "get"]],
        ["a_b", ["list_items", "list_items_2"]],
      ],
    ],
  ];

  it.each(expected)("%s gives the documented resources and methods", (name, want) => {
    expect(methodsOf(normalizeSpec(loadFixture(name)))).toEqual(want);
  });

  it("reads the version, title and server of each spec kind", () => {
    const s2 = normalizeSpec(loadFixture("swagger2-basic"));
    expect([s2.version, s2.title, s2.server]).toEqual([
      "2.0",
      "Basic Swagger 2.0 fixture",
      "https://api.example.test/",
    ]);
    const s3 = normalizeSpec(loadFixture("openapi3-basic"));
    expect([s3.version, s3.server]).toEqual(["3.0", "https://api3.example.test/"]);
    const s31 = normalizeSpec(loadFixture("openapi31-basic"));
    expect([s31.version, s31.server]).toEqual(["3.1", "https://api31.example.test/"]);
  });

  it("counts every operation", () => {
    const model = normalizeSpec(loadFixture("swagger2-basic"));
    const counts = [...model.resources.values()].map((r) => r.operations().length);
    expect(counts.reduce((a, b) => a + b)).toBe(17);
  });

  it("lower-cases resources and turns `-` into `_`", () => {
    const model = normalizeSpec(swagger({ "/Git-Repos/{id}": { get: ok } }));
    expect(methodsOf(model)).toEqual([["git_repos", ["get"]]]);
  });

  it("calls paths without their trailing `/`", () => {
    const model = normalizeSpec(swagger({ "/workflows/": { get: ok } }));
    expect(operation(model, "workflows", "list").path).toBe("/workflows");
  });

  it("keeps both operations that map to one name, the later one as `_2`", () => {
    const model = normalizeSpec(loadFixture("hostile-names"));
    expect(operation(model, "a_b", "list_items").path).toBe("/a-b/items");
    expect(operation(model, "a_b", "list_items_2").path).toBe("/a_b/items");
  });

  it("lists path parameters in path order", () => {
    const model = normalizeSpec(loadFixture("swagger2-basic"));
    expect(operation(model, "tables", "get_columns_column_id").pathParams).toEqual([
      "id",
      "column_id",
      "name",
    ]);
  });
});

describe("normalizeSpec: path items", () => {
  it("groups paths by resource wherever they stand and however they are cased", () => {
    const model = normalizeSpec(
      swagger({
        "/workflows": { get: ok },
        "/workflows-x/{id}": { get: ok },
        "/workflows/{id}": { get: ok },
        "/Workflows/{id}/runs": { get: ok },
        "/workflows_x": { get: ok },
      }),
    );
    const groups = [...model.resources].map(([key, r]) => [
      key,
      r.operations().map((op) => op.path),
    ]);
    expect(groups).toEqual([
      ["workflows", ["/workflows", "/workflows/{id}", "/Workflows/{id}/runs"]],
      ["workflows_x", ["/workflows-x/{id}", "/workflows_x"]],
    ]);
  });

  it("merges path-level parameters into every operation (Swagger 2.0)", () => {
    const model = normalizeSpec(loadFixture("swagger2-basic"));
    for (const name of ["list_files", "post_files"]) {
      const detail = operationDetail(operation(model, "imports", name));
      expect(detail.pathParams.map((p) => [p.name, p.description])).toEqual([
        ["id", "The ID of the import."],
      ]);
    }
  });

  it("merges path-level parameters into every operation (OpenAPI 3)", () => {
    const model = normalizeSpec(loadFixture("openapi3-basic"));
    const detail = operationDetail(operation(model, "workflows", "post_executions"));
    expect(detail.pathParams.map((p) => [p.name, p.description])).toEqual([
      ["id", "The ID of the workflow."],
    ]);
  });

  it("merges a path-level query parameter too", () => {
    const model = normalizeSpec(
      swagger({
        "/things": {
          parameters: [{ name: "scope", in: "query", type: "string", required: true }],
          get: ok,
          post: ok,
        },
      }),
    );
    for (const name of ["list", "post"]) {
      const detail = operationDetail(operation(model, "things", name));
      expect(detail.params.map((p) => [p.name, p.in, p.required])).toEqual([
        ["scope", "query", true],
      ]);
    }
  });

  it("never makes a method of `parameters`, `summary`, `servers` or `x-...` keys", () => {
    const model = normalizeSpec(
      swagger({
        "/things/{id}": {
          summary: "a summary",
          description: "a description",
          servers: [],
          parameters: [{ name: "id", in: "path", required: true, type: "integer" }],
          "x-internal": true,
          "x-get": { responses: {} },
          get: ok,
        },
      }),
    );
    expect(methodsOf(model)).toEqual([["things", ["get"]]]);
  });

  it("follows a path item `$ref` and never makes a method of it", () => {
    const model = normalizeSpec(
      swagger(
        { "/things": { $ref: "#/x-path-items/things" } },
        { "x-path-items": { things: { get: ok, delete: ok } } },
      ),
    );
    expect(methodsOf(model)).toEqual([["things", ["list", "delete"]]]);
  });

  it("makes methods of every HTTP verb", () => {
    const verbs = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    const item = Object.fromEntries(verbs.map((v) => [v, ok]));
    const model = normalizeSpec(swagger({ "/things/{id}": item }));
    expect(methodsOf(model)).toEqual([["things", verbs]]);
  });

  it("makes operations lazily: a broken path item fails only when its resource is used", () => {
    const model = normalizeSpec(swagger({ "/good": { get: ok }, "/bad": "not an object" }));
    expect(
      model.resources
        .get("good")!
        .operations()
        .map((op) => op.name),
    ).toEqual(["list"]);
    expect(() => model.resources.get("bad")!.operations()).toThrow(SpecError);
    expect(() => model.resources.get("bad")!.operations()).toThrow(/"\/bad"/);
  });

  it("refuses an operation that is not an object", () => {
    const model = normalizeSpec(swagger({ "/things": { get: "nope" } }));
    expect(() => model.resources.get("things")!.operations()).toThrow(/GET \/things/);
  });
});

describe("normalizeSpec: unsafe paths", () => {
  it.each([
    "https://evil.test/workflows",
    "http:/evil.test",
    "//evil.test/workflows",
    "workflows",
    "",
  ])("refuses the path %j with a SpecError naming it", (path) => {
    const build = () => normalizeSpec(swagger({ [path]: { get: ok } }));
    expect(build).toThrow(SpecError);
    expect(build).toThrow(`"${path}"`);
  });

  it("puts paths without a resource segment on the root resource", () => {
    const model = normalizeSpec(swagger({ "/": { get: ok }, "/{id}": { get: ok, delete: ok } }));
    const names = model.resources
      .get("root")
      ?.operations()
      .map((op) => op.name);
    expect(names).toEqual(["list", "get", "delete"]);
  });
});

describe("normalizeSpec: not a spec", () => {
  it.each([
    ["a string", "{}", /expected a JSON object/],
    ["an array", [], /expected a JSON object/],
    ["null", null, /expected a JSON object/],
    ["an empty object", {}, /neither a "swagger": "2.0" nor an "openapi": "3.x"/],
    ["Swagger 1.2", { swagger: "1.2", paths: {} }, /Swagger version "1.2" is not supported/],
    ["OpenAPI 4.0", { openapi: "4.0", paths: {} }, /OpenAPI version "4.0" is not supported/],
    ["OpenAPI 3.10", { openapi: "3.10.0", paths: {} }, /OpenAPI version "3.10.0"/],
    ["missing paths", { swagger: "2.0" }, /no "paths" object/],
    ["paths as an array", { openapi: "3.0.0", paths: [] }, /no "paths" object/],
  ])("%s gives a clear SpecError", (_label, input, message) => {
    expect(() => normalizeSpec(input)).toThrow(SpecError);
    expect(() => normalizeSpec(input)).toThrow(message);
    expect(() => normalizeSpec(input)).toThrow(/^Invalid API spec: /);
  });

  it("accepts an empty paths object", () => {
    expect(normalizeSpec({ openapi: "3.0.0", paths: {} }).resources.size).toBe(0);
  });
});

describe("normalizeSpec: deprecation", () => {
  const model = normalizeSpec(loadFixture("swagger2-basic"));

  it("detects `deprecated: true`", () => {
    expect(operation(model, "scripts", "list_legacy_runs").deprecation).toMatch(/deprecated/i);
  });

  it("detects an `x-deprecation-warning`, in the spec's own words", () => {
    expect(operation(model, "reports", "get").deprecation).toBe("Use X instead.");
  });

  it("detects a summary that says deprecated, in the spec's own words", () => {
    expect(operation(model, "reports", "list").deprecation).toBe("(deprecated) Old thing");
  });

  it("leaves `deprecated: false` and a null warning alone", () => {
    expect(operation(model, "workflows", "list").deprecation).toBeUndefined();
    expect(operation(model, "workflows", "get").deprecation).toBeUndefined();
  });

  it("detects `deprecated: true` in OpenAPI 3", () => {
    const oas3 = normalizeSpec(loadFixture("openapi3-basic"));
    expect(operation(oas3, "scripts", "list_legacy_runs").deprecation).toBeDefined();
    expect(operation(oas3, "workflows", "list").deprecation).toBeUndefined();
  });
});

describe("normalizeSpec: civis-python's names, aliases and argument order", () => {
  const model = normalizeSpec(loadFixture("civis-python-rules"));

  it("decides names and aliases once, in the model", () => {
    expect(operation(model, "aliases", "get_object_type").aliases).toEqual([]);
    expect(operation(model, "users", "list_me").aliases).toEqual(["get_me"]);
    expect(operation(model, "users", "list_tokens").aliases).toEqual([]);
    expect(operation(model, "credentials", "list_types").returnsList).toBe(true);
    expect(operation(model, "users", "list_keys").returnsList).toBe(true);
    expect(operation(model, "users", "list_me").returnsList).toBe(false);
  });

  it("orders path parameters as the spec lists them, path-level ones first", () => {
    expect(operation(model, "tables", "get_enhancements_geocodings").pathParams).toEqual([
      "id",
      "source_table_id",
    ]);
    expect(operation(model, "tables", "delete_parts").pathParams).toEqual(["part_id", "id"]);
  });

  it("appends path parameters the spec does not declare, in path order", () => {
    const spec = swagger({
      "/things/{a}/{b}/{c}": { get: { parameters: [{ name: "c", in: "path" }], ...ok } },
    });
    expect(operation(normalizeSpec(spec), "things", "get_a_b").pathParams).toEqual(["c", "a", "b"]);
  });

  it("gives a later operation's name priority over an earlier operation's alias", () => {
    const spec = swagger({
      "/users/me": { get: ok },
      "/users/me/{id}": { get: ok },
    });
    const ops = normalizeSpec(spec).resources.get("users")!.operations();
    expect(ops.map((op) => [op.name, op.aliases])).toEqual([
      ["list_me", []],
      ["get_me", []],
    ]);
  });

  it("names 20,000 operations that map to one name, numbering them in spec order", () => {
    // `/items/a-b-c...` and `/items/a_b_c...`: each `-` or `_` picked by a bit of i.
    const letters = "abcdefghijklmnop".split("");
    const spelling = (i: number): string =>
      letters.reduce(
        (out, letter, bit) => out + (bit === 0 ? "" : (i >> bit) & 1 ? "-" : "_") + letter,
        "",
      );
    const spec = swagger(
      Object.fromEntries(
        Array.from({ length: 20_000 }, (_, i) => [`/items/${spelling(i * 2)}`, { get: ok }]),
      ),
    );
    const ops = normalizeSpec(spec).resources.get("items")!.operations();
    expect(ops).toHaveLength(20_000);
    expect(ops[0]!.name).toBe("list_a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p");
    expect(ops[1]!.name).toBe("list_a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_2");
    expect(ops.at(-1)!.name).toBe("list_a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_20000");
  });
});
