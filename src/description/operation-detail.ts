import { isPlainObject } from "../checks/is-plain-object.js";
import { SpecError } from "../errors/spec-error.js";
import { camelToSnake } from "../naming/camel-to-snake.js";
import { resourceName } from "../naming/method-name.js";
import type { ResolvedSchemas } from "./resolved-schemas.js";
import { type FirstResponse, firstResponse, schemaOf } from "./responses.js";
import { readingSpec } from "./spec-guard.js";
import { specText } from "./spec-text.js";
import type { Operation, RawOperation, RawParameter, Schema } from "./types.js";

export type ParamLocation = "path" | "query" | "header" | "body";

/** One argument a method takes, whatever part of the request it goes to. */
export interface Param {
  /** The spec's own name: what goes on the wire. */
  readonly name: string;
  /** The snake_case name `help()` shows. */
  readonly snake: string;
  readonly in: ParamLocation;
  readonly required: boolean;
  readonly schema: Schema;
  readonly description: string;
}

export interface OperationDetail {
  readonly pathParams: readonly Param[];
  /** Query, header and body parameters, required ones first, as `help()` lists them. */
  readonly params: readonly Param[];
  /** Both spellings of every non-path parameter. */
  readonly byName: ReadonlyMap<string, Param>;
  /** The body schema when the body is one JSON value rather than named properties. */
  readonly wholeBody: Param | undefined;
  readonly paginated: boolean;
  readonly response: FirstResponse;
}

/** Merged `allOf` schemas: body keys are mapped through them on every call. */
const flattened = new WeakMap<Schema, Schema>();

/**
 * Merges `allOf` members so their properties read as one object: a schema's own
 * properties, then each member's, in order, later ones winning. A loop over a
 * stack, not recursion, as a spec may chain `allOf`s without end; each schema is
 * merged once, which also ends a cycle. Entries, not assignments: a property named
 * `__proto__` stays a property.
 */
export function flattenSchema(schema: Schema | undefined): Schema | undefined {
  // The model's schemas are resolved: the members below need no `$ref` followed.
  if (!Array.isArray(schema?.allOf)) return schema;
  const known = flattened.get(schema);
  if (known) return known;
  const properties: [string, Schema][] = [];
  const required: string[] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const part = stack.pop() as Schema;
    if (!isPlainObject(part) || seen.has(part)) continue;
    seen.add(part);
    if (isPlainObject(part.properties)) {
      properties.push(...(Object.entries(part.properties) as [string, Schema][]));
    }
    if (Array.isArray(part.required)) required.push(...part.required);
    // Reversed onto the stack: the first member is merged first.
    if (Array.isArray(part.allOf)) stack.push(...[...part.allOf].reverse());
  }
  const flat: Schema = {
    ...schema,
    type: schema.type ?? "object",
    properties: Object.fromEntries(properties),
    required,
  };
  flattened.set(schema, flat);
  return flat;
}

function param(
  name: string,
  location: ParamLocation,
  required: boolean,
  schema: Schema,
  description: unknown,
  snake = camelToSnake(name),
): Param {
  return { name, snake, in: location, required, schema, description: specText(description) };
}

function paramOf(schemas: ResolvedSchemas, p: RawParameter, where: string): Param | undefined {
  if (typeof p.name !== "string" || typeof p.in !== "string") {
    throw new SpecError(`a parameter of ${where} has no "name" or "in"`);
  }
  // Cookies are the browser's business; a fetch client cannot set them.
  if (p.in === "cookie") return undefined;
  const location = (p.in === "formData" ? "body" : p.in) as ParamLocation;
  if (!/^(path|query|header|body)$/.test(location)) {
    throw new SpecError(`the parameter "${p.name}" of ${where} is in "${p.in}"`);
  }
  return param(
    p.name,
    location,
    location === "path" || p.required === true,
    // Swagger 2.0 writes a non-body parameter's type on the parameter itself.
    schemas.resolve(p.schema ?? p),
    p.description,
    // Header names are dashed words (`X-Request-Id`), not camelCase: `x_request_id`,
    // as a resource's first segment is.
    location === "header" ? resourceName(p.name) : undefined,
  );
}

/**
 * What normalization keeps of an operation's spec for its detail, made on first use:
 * only this layer reads it (the model's `Operation` has no raw part). The detail,
 * once made, is kept in the same place.
 */
type OperationSource = [
  raw: RawOperation,
  pathItemParams: readonly RawParameter[] | undefined,
  schemas: ResolvedSchemas,
  detail?: OperationDetail,
];

const sources = new WeakMap<Operation, OperationSource>();

/** Called by normalization for each operation it makes. */
export function keepSource(
  op: Operation,
  raw: RawOperation,
  pathItemParams: readonly RawParameter[] | undefined,
  schemas: ResolvedSchemas,
): void {
  sources.set(op, [raw, pathItemParams, schemas]);
}

/**
 * Everything a call or `help()` needs about one operation: the last part of
 * normalization, done on first use (a client of 900 operations pays for the few it calls).
 */
export function operationDetail(op: Operation): OperationDetail {
  const source = sources.get(op);
  if (!source) throw new TypeError(`${op.resource}.${op.name} was not made by normalizeSpec`);
  if (source[3]) return source[3];
  const where = `${op.verb.toUpperCase()} ${op.path}`;
  source[3] = readingSpec(`the operation ${where}`, () => detailOf(op, source, where));
  return source[3];
}

function detailOf(op: Operation, source: OperationSource, where: string): OperationDetail {
  const [rawOp, pathItemParams, schemas] = source;
  // Operation-level parameters override path-level ones of the same name and place.
  // The key keeps the spec's own place, so Swagger 2.0's one `in: "body"` parameter
  // (the whole body) stays apart from its `formData` fields (one parameter each).
  const merged = new Map<string, Param>();
  const list = (value: unknown, owner: string): readonly RawParameter[] => {
    if (value !== undefined && !Array.isArray(value)) {
      throw new SpecError(`the "parameters" of ${owner} must be an array`);
    }
    return value ?? [];
  };
  for (const raw of [
    ...list(pathItemParams, `the path ${op.path}`),
    ...list(rawOp.parameters, where),
  ]) {
    const p = schemas.deref(raw);
    if (!isPlainObject(p)) throw new SpecError(`a parameter of ${where} is not an object`);
    const declared = paramOf(schemas, p, where);
    if (declared) merged.set(`${p.in}:${p.name}`, declared);
  }

  const pathParams = op.pathParams.map(
    (name) => merged.get(`path:${name}`) ?? param(name, "path", true, { type: "string" }, ""),
  );

  const params: Param[] = [];
  let wholeBody: Param | undefined;
  // A body's parameters: its object properties, or else the whole body as one parameter.
  const addBody = (schema: Schema | undefined, required: boolean, name: string) => {
    const flat = flattenSchema(schema);
    const properties = Object.entries(flat?.properties ?? {});
    const requiredNames = new Set(flat?.required);
    for (const [prop, resolved] of properties) {
      params.push(param(prop, "body", requiredNames.has(prop), resolved, resolved.description));
    }
    if (properties.length === 0) {
      wholeBody = param(name, "body", required, flat ?? {}, flat?.description);
      params.push(wholeBody);
    }
  };
  for (const [key, p] of merged) {
    if (key.startsWith("body:")) addBody(p.schema, p.required, p.name);
    else if (p.in !== "path") params.push(p);
  }
  // OpenAPI 3's `requestBody` is Swagger 2.0's `in: "body"` parameter, named "body".
  const requestBody = rawOp.requestBody && schemas.deref(rawOp.requestBody);
  if (requestBody) addBody(schemaOf(schemas, requestBody), requestBody.required === true, "body");
  params.sort((a, b) => +b.required - +a.required);

  const byName = new Map<string, Param>();
  for (const p of params) {
    byName.set(p.snake, p);
    byName.set(p.name, p);
  }
  const paginated = op.verb === "get" && byName.has("limit") && byName.has("page_num");

  return {
    pathParams,
    params,
    byName,
    wholeBody,
    paginated,
    response: firstResponse(schemas, rawOp),
  };
}
