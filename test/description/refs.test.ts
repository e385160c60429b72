import { describe, expect, it } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { RefResolver } from "../../src/description/refs.js";
import { SpecError } from "../../src/errors/spec-error.js";
import { loadFixture } from "../helpers/fixtures.js";

describe("RefResolver", () => {
  it("returns a node without `$ref` as it is", () => {
    const node = { type: "string" };
    expect(new RefResolver({}).deref(node)).toBe(node);
    expect(new RefResolver({}).deref(undefined)).toBeUndefined();
  });

  it("resolves lazily: a definition is read only when a ref to it is followed, then once", () => {
    let reads = 0;
    const definitions = {};
    Object.defineProperty(definitions, "Big", {
      enumerable: true,
      get() {
        reads++;
        return { type: "object" };
      },
    });
    const refs = new RefResolver({ definitions, broken: { $ref: "#/nowhere" } });
    expect(reads).toBe(0);
    const first = refs.deref({ $ref: "#/definitions/Big" });
    expect(first).toEqual({ type: "object" });
    expect(refs.deref({ $ref: "#/definitions/Big" })).toBe(first);
    expect(reads).toBe(1);
  });

  it("follows a chain of refs to the first node without one", () => {
    const refs = new RefResolver({
      definitions: {
        A: { $ref: "#/definitions/B" },
        B: { $ref: "#/definitions/C" },
        C: { type: "integer" },
      },
    });
    expect(refs.deref({ $ref: "#/definitions/A" })).toEqual({ type: "integer" });
  });

  it("resolves a circular definition one step at a time", () => {
    const root = {
      definitions: {
        Node: { type: "object", properties: { parent: { $ref: "#/definitions/Node" } } },
      },
    };
    const node = new RefResolver(root).deref({ $ref: "#/definitions/Node" });
    expect(node).toBe(root.definitions.Node);
  });

  it.each([
    ["A -> A", { A: { $ref: "#/definitions/A" } }],
    ["A -> B -> A", { A: { $ref: "#/definitions/B" }, B: { $ref: "#/definitions/A" } }],
  ])("refuses a pure cycle of refs (%s)", (_label, definitions) => {
    const refs = new RefResolver({ definitions });
    expect(() => refs.deref({ $ref: "#/definitions/A" })).toThrow(SpecError);
    expect(() => refs.deref({ $ref: "#/definitions/A" })).toThrow(/refers to itself/);
  });

  it.each([
    "https://evil.test/schema.json",
    "other.json#/definitions/A",
    "file:///etc/passwd",
    "//evil.test/x",
    "#definitions/A",
  ])("never follows the non-local ref %j", (ref) => {
    const refs = new RefResolver({ definitions: { A: { type: "string" } } });
    expect(() => refs.deref({ $ref: ref })).toThrow(SpecError);
    expect(() => refs.deref({ $ref: ref })).toThrow(/only local \$refs/);
  });

  it("decodes `~1` to `/` and `~0` to `~`, in that order", () => {
    const root = {
      definitions: {
        "a/b": { type: "string" },
        "c~d": { type: "integer" },
        "~1": { type: "boolean" },
      },
    };
    const refs = new RefResolver(root);
    expect(refs.deref({ $ref: "#/definitions/a~1b" })).toBe(root.definitions["a/b"]);
    expect(refs.deref({ $ref: "#/definitions/c~0d" })).toBe(root.definitions["c~d"]);
    expect(refs.deref({ $ref: "#/definitions/~01" })).toBe(root.definitions["~1"]);
  });

  it("decodes percent-escapes of the URI fragment", () => {
    const root = { definitions: { "a b": { type: "string" } } };
    expect(new RefResolver(root).deref({ $ref: "#/definitions/a%20b" })).toEqual({
      type: "string",
    });
  });

  it("resolves `#` to the whole document", () => {
    const root = { type: "object" };
    expect(new RefResolver(root).deref({ $ref: "#" })).toBe(root);
  });

  it("refuses a ref to nothing, inherited members included", () => {
    const refs = new RefResolver({ definitions: {} });
    for (const ref of ["#/definitions/Missing", "#/definitions/constructor", "#/__proto__"]) {
      expect(() => refs.deref({ $ref: ref })).toThrow(/points to nothing/);
    }
  });
});

describe("circular schemas in help", () => {
  it.each(["swagger2-basic", "openapi3-basic"] as const)(
    "%s: the help of a method returning the self-referencing Node terminates",
    (fixture) => {
      const client = new APIClient({ localApiSpec: loadFixture(fixture), apiKey: "k" });
      const doc: string = client.workflows!.get_executions.doc;
      expect(doc).toContain("tasks : array<Response>");
      // The Node schema is expanded once, then named where it refers to itself.
      expect(doc).toContain("        - children : array<Response>");
      expect(doc).toContain("        - parent : Response");
      expect(doc).not.toContain("            - name");
    },
  );
});
