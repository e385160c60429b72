import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { interfacesOf, syntaxErrors } from "./helpers/declarations.js";
import { FIXTURES } from "./helpers/fixture-specs.js";
import { civisSpec } from "./helpers/real-specs.js";

function fixture(name: string): object {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8"),
  ) as object;
}

/** What a method's JSDoc must read: its help() text, fenced. */
function fenced(doc: string): string {
  return `\`\`\`text\n${doc}\n\`\`\``;
}

/**
 * The generated interfaces must list exactly the client's resources and methods, with its docs.
 * Returns the number of aliases, and the text (generating it again costs half a second for
 * the real spec).
 */
function expectSameAsRuntime(spec: object): { aliases: number; text: string } {
  const generated = generateTypes(spec);
  const interfaces = interfacesOf(generated.text);
  const client = new APIClient({ localApiSpec: spec, apiKey: "unused" });
  const api = interfaces.get("CivisApi")!;
  expect(api.map((m) => m.name)).toEqual(Object.keys(client));
  let methods = 0;
  let aliases = 0;
  for (const { name, type } of api) {
    const resource = (
      client as unknown as Record<string, Record<string, { doc: string; name: string }>>
    )[name]!;
    const members = interfaces.get(type)!;
    expect(members.map((m) => m.name)).toEqual(Object.keys(resource));
    for (const member of members) {
      const runtimeDoc = resource[member.name]!.doc;
      const [text, ...tags] = member.doc.split("\n@");
      expect(text).toBe(fenced(runtimeDoc));
      const deprecated = runtimeDoc.includes("\nDeprecated: ");
      expect(tags.some((tag) => tag.startsWith("deprecated "))).toBe(deprecated);
      // An alias is the same function as the method it names again.
      if (resource[member.name]!.name === member.name) methods++;
      else aliases++;
    }
  }
  expect(methods).toBe(generated.operations);
  expect(syntaxErrors(generated.text)).toEqual([]);
  return { aliases, text: generated.text };
}

describe("generateTypes: names and docs are the runtime's", () => {
  it.each(FIXTURES)("%s: every resource and method, each with its help() text", (name) => {
    expectSameAsRuntime(fixture(name));
  });

  it.skipIf(!civisSpec.present)(
    "the real Civis spec: 910 methods, 25 deprecated",
    () => {
      const { aliases, text } = expectSameAsRuntime(civisSpec.load() as object);
      expect(aliases).toBe(34);
      expect(text.match(/^ {3}\* @deprecated /gm)).toHaveLength(25);
    },
    60_000,
  );

  it("marks deprecated methods with the spec's own words", () => {
    const text = generateTypes(fixture("swagger2-basic")).text;
    expect(text).toContain("   * @deprecated Use X instead.\n   */\n  readonly get: {");
    expect(text).toContain("   * @deprecated (deprecated) Old thing\n");
    expect(text).toContain("   * @deprecated This operation is deprecated.\n");
  });

  it("writes the same text for the same spec (so --check can compare)", () => {
    expect(generateTypes(fixture("openapi3-basic")).text).toBe(
      generateTypes(fixture("openapi3-basic")).text,
    );
  });

  it("imports only the client types it uses", () => {
    const text = generateTypes({
      swagger: "2.0",
      info: { title: "Tiny" },
      paths: { "/things/{id}": { delete: { responses: { 204: { description: "gone" } } } } },
    }).text;
    expect(text).toContain('import type { CallInit, Response } from "civis";');
  });

  it("names the interface and the import as asked", () => {
    const text = generateTypes(fixture("openapi31-basic"), {
      typeName: "MyApi",
      importFrom: "./civis.js",
    }).text;
    expect(text).toContain("export interface MyApi {");
    expect(text).toMatch(/^import type \{ [^}]+ \} from "\.\/civis\.js";$/m);
  });
});
