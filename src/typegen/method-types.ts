import { operationDetail, type Param } from "../description/operation-detail.js";
import type { ApiModel, Operation, Schema } from "../description/types.js";
import { methodDoc } from "../docs/method-doc.js";
import { docBlock, helpDocBlock } from "./jsdoc.js";
import type { SchemaTypes } from "./schema-types.js";
import { type NameRegistry, parameterName, pascalCase, propertyKey } from "./ts-names.js";

/** One method of a resource interface, and the params interface it names (if any). */
export interface MethodTypes {
  readonly member: string;
  readonly declaration: string | undefined;
}

const INDENT = "  ";

/** Path parameters as positional arguments; names made valid and distinct. */
function pathArguments(params: readonly Param[]): string[] {
  const taken = new Set<string>();
  return params.map((p) => {
    let name = parameterName(p.snake);
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    return `${name}: string | number`;
  });
}

/** The params interface: one property per query, header and body parameter, by snake_case name. */
function paramsDeclaration(name: string, params: readonly Param[], types: SchemaTypes): string {
  const seen = new Set<string>();
  let out = `export interface ${name} {\n`;
  for (const p of params) {
    if (seen.has(p.snake)) continue;
    seen.add(p.snake);
    out += docBlock(p.description, INDENT);
    out += `${INDENT}${propertyKey(p.snake)}${p.required ? "" : "?"}: ${types.type(p.schema, "in", INDENT)};\n`;
  }
  return `${out}}`;
}

/**
 * What a call resolves to, and the item type when the answer is a list. An answer the
 * model counts as a list though its schema describes one object (civis-python's list
 * paths) is a list of such objects.
 */
function resultTypes(
  schema: Schema | undefined,
  returnsList: boolean,
  types: SchemaTypes,
): { result: string; item: string } {
  if (schema === undefined) {
    return returnsList
      ? { result: "TypedListResponse<Response>", item: "Response" }
      : { result: "Response", item: "Response" };
  }
  if (schema.type === "array" || returnsList) {
    const item = types.type(
      schema.type === "array" ? schema.items : schema,
      "out",
      INDENT + INDENT,
    );
    return { result: `TypedListResponse<${item}>`, item };
  }
  return { result: types.type(schema, "out", INDENT + INDENT), item: "Response" };
}

/**
 * A method as a property of its resource interface: its call signature(s) with
 * the arguments the runtime checks, its `doc`, and its `help()` text as JSDoc.
 */
export function methodTypes(
  model: ApiModel,
  op: Operation,
  resourceType: string,
  types: SchemaTypes,
  names: NameRegistry,
): MethodTypes {
  const detail = operationDetail(op);
  const path = pathArguments(detail.pathParams);
  let paramsType = "Record<string, never>";
  let declaration: string | undefined;
  if (detail.params.length > 0) {
    paramsType = names.claim(`${resourceType}${pascalCase(op.name)}Params`);
    declaration = paramsDeclaration(paramsType, detail.params, types);
  }
  const optional = detail.params.every((p) => !p.required);
  const { result, item } = resultTypes(detail.response.schema, op.returnsList, types);
  const init = "init?: CallInit";
  const inner = INDENT + INDENT;
  const help = methodDoc(model, op);
  // A hover on an overloaded call shows the chosen signature's docs, not the property's.
  const overloadHelp = detail.paginated ? helpDocBlock(help, op.deprecation, inner) : "";
  const signatures: string[] = [];
  if (detail.paginated) {
    const iterated = [...path, `params: ${paramsType} & { iterator: true }`, init];
    signatures.push(
      `${overloadHelp}${inner}(${iterated.join(", ")}): PaginatedResponse<${item}>;\n`,
    );
  }
  const singleParams = detail.paginated ? `${paramsType} & { iterator?: false }` : paramsType;
  const single = [...path, `params${optional ? "?" : ""}: ${singleParams}`, init];
  signatures.push(`${overloadHelp}${inner}(${single.join(", ")}): Promise<${result}>;\n`);
  signatures.push(`${inner}/** The method's help text, as \`help()\` prints it. */\n`);
  signatures.push(`${inner}readonly doc: string;\n`);
  // An alias is the same method: the same type and docs under each of its names.
  const doc = helpDocBlock(help, op.deprecation, INDENT);
  const type = `{\n${signatures.join("")}${INDENT}}`;
  const member = [op.name, ...op.aliases]
    .map((name) => `${doc}${INDENT}readonly ${propertyKey(name)}: ${type};\n`)
    .join("");
  return { member, declaration };
}
