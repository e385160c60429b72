import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normalizeSpec } from "../../src/description/normalize.js";
import { operationDetail } from "../../src/description/operation-detail.js";
import type { ApiModel, Operation, Schema } from "../../src/description/types.js";
import { methodDoc } from "../../src/docs/method-doc.js";
import { type FixtureName, loadFixture } from "../helpers/fixtures.js";

const FIXTURES: FixtureName[] = [
  "swagger2-basic",
  "openapi3-basic",
  "openapi31-basic",
  "hostile-names",
  "civis-python-rules",
];

function operations(model: ApiModel): Operation[] {
  return [...model.resources.values()].flatMap((r) => [...r.operations()]);
}

/** Every schema an operation's detail reaches (circular ones once), without recursion. */
function reachable(op: Operation): Schema[] {
  const detail = operationDetail(op);
  const todo: unknown[] = [
    ...[...detail.pathParams, ...detail.params].map((p) => p.schema),
    detail.response.schema,
  ];
  const seen = new Set<object>();
  for (let i = 0; i < todo.length; i++) {
    const node = todo[i];
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    todo.push(...Object.values(node));
  }
  return [...seen] as Schema[];
}

describe("the model is the one source", () => {
  it.each(FIXTURES)("%s: operations carry no raw spec, and the model no resolver", (name) => {
    const model = normalizeSpec(loadFixture(name));
    expect(Object.keys(model)).not.toContain("refs");
    for (const op of operations(model)) {
      expect(Object.keys(op).sort()).toEqual(
        [
          "aliases",
          "deprecation",
          "description",
          "name",
          "path",
          "pathParams",
          "resource",
          "returnsList",
          "summary",
          "verb",
        ].sort(),
      );
    }
  });

  it.each(FIXTURES)("%s: every schema the model hands out has its $refs followed", (name) => {
    const model = normalizeSpec(loadFixture(name));
    for (const op of operations(model)) {
      for (const node of reachable(op)) expect(Object.hasOwn(node, "$ref")).toBe(false);
    }
  });

  it("keeps a named definition one object wherever a $ref uses it, cycles included", () => {
    const model = normalizeSpec(loadFixture("openapi3-basic"));
    const byName = new Map([...model.namedSchemas()].map(([schema, name]) => [name, schema]));
    const list = operations(model).find((op) => op.name === "list" && op.resource === "workflows")!;
    expect(operationDetail(list).response.schema?.items).toBe(byName.get("WorkflowListItem"));
    const node = byName.get("Node")!;
    const children = Object.values(node.properties ?? {}).find((p) => p.items !== undefined);
    expect(children?.items).toBe(node);
  });

  it("documents and binds from the model alone once an operation's detail is made", () => {
    const spec = loadFixture("swagger2-basic");
    const model = normalizeSpec(spec);
    const docs = operations(model).map((op) => methodDoc(model, op));
    // Emptying the raw spec changes nothing: the model holds everything it read.
    for (const key of Object.keys(spec)) delete spec[key];
    expect(operations(model).map((op) => methodDoc(model, op))).toEqual(docs);
  });

  it("is read only through the model outside src/description/", () => {
    const src = fileURLToPath(new URL("../../src/", import.meta.url));
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) =>
      f.endsWith(".ts"),
    );
    expect(files.length).toBeGreaterThan(50);
    const outside = files.filter((f) => !f.startsWith("description"));
    const offending = outside.filter((file) => {
      const text = readFileSync(join(src, file), "utf8");
      return (
        /description\/(refs|resolved-schemas|responses)\.js/.test(text) ||
        /\bop\.raw\b|\.refs\.deref/.test(text)
      );
    });
    expect(offending.map((f) => relative(src, join(src, f)))).toEqual([]);
  });
});
