import { normalizeSpec } from "../description/normalize.js";
import { readingSpec } from "../description/spec-guard.js";
import { docBlock } from "./jsdoc.js";
import { methodTypes } from "./method-types.js";
import { SchemaTypes } from "./schema-types.js";
import { NameRegistry, pascalCase, propertyKey } from "./ts-names.js";

export interface GenerateTypesOptions {
  /** The name of the exported API interface. Default `"CivisApi"`. */
  readonly typeName?: string;
  /** Where the generated file imports the client's types from. Default `"civis"`. */
  readonly importFrom?: string;
}

/** A declaration file for one API, and what it covers. */
export interface GeneratedTypes {
  readonly text: string;
  readonly resources: number;
  readonly operations: number;
  /** Named schema types (each view of a spec definition counts once). */
  readonly schemas: number;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

const IMPORTS = [
  "CallInit",
  "Loose",
  "PaginatedResponse",
  "Response",
  "ResponseMembers",
  "TypedListResponse",
  "TypedResponse",
] as const;

/** The client types the declarations use (comments aside), so a strict lint finds no unused import. */
function usedImports(body: string): string[] {
  const code = body.replace(/\/\*\*[\s\S]*?\*\//g, "");
  return IMPORTS.filter((name) => new RegExp(`\\b${name}\\b`).test(code));
}

/**
 * Writes a TypeScript declaration file for an API spec: an interface for
 * `APIClient.create<CivisApi>()` whose resources and methods, parameters, answers
 * and docs are those the runtime builds from the same spec.
 */
export function generateTypes(spec: unknown, options: GenerateTypesOptions = {}): GeneratedTypes {
  const model = normalizeSpec(spec);
  const typeName = options.typeName ?? "CivisApi";
  const names = new NameRegistry();
  names.claim(typeName);
  const types = new SchemaTypes(model.namedSchemas(), names);

  const apiMembers: string[] = [];
  const sections: string[] = [];
  let operations = 0;
  for (const [key, resource] of model.resources) {
    const property = resource.property;
    const ops = resource.operations();
    operations += ops.length;
    const resourceType = names.claim(`${pascalCase(key)}Resource`);
    apiMembers.push(
      docBlock(`\`/${key}\`: ${count(ops.length, "method")}.`, "  ") +
        `  readonly ${propertyKey(property)}: ${resourceType};\n`,
    );
    const members: string[] = [];
    const declarations: string[] = [];
    for (const op of ops) {
      const method = readingSpec(`the operation ${op.verb.toUpperCase()} ${op.path}`, () =>
        methodTypes(model, op, pascalCase(key), types, names),
      );
      members.push(method.member);
      if (method.declaration) declarations.push(method.declaration);
    }
    sections.push(`export interface ${resourceType} {\n${members.join("")}}`, ...declarations);
  }
  const schemas = types.declarations();

  const apiDoc = docBlock(
    `The ${model.title}: \`await APIClient.create<${typeName}>()\` types a client with it.`,
    "",
  );
  const api = `${apiDoc}export interface ${typeName} {\n${apiMembers.join("")}}`;
  const body = [api, ...sections, ...schemas].join("\n\n");
  const header = [
    `// The ${model.title} for TypeScript: ${count(operations, "method")} in ${count(model.resources.size, "resource")}.`,
    "// Written by `civis typegen` from the API's spec; do not edit, run it again instead.",
    "/* eslint-disable */",
    `import type { ${usedImports(body).join(", ")} } from ${JSON.stringify(options.importFrom ?? "civis")};`,
  ].join("\n");
  const text = `${header}\n\n${body}\n`;
  return {
    text,
    resources: model.resources.size,
    operations,
    schemas: schemas.length,
  };
}
