import { SpecError } from "../errors/spec-error.js";
import { camelToSnake } from "../naming/camel-to-snake.js";
import type { RefResolver } from "./refs.js";
import type { Operation, RawParameter, RawResponse, Schema } from "./types.js";

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
  /** The body's object schema, used to map nested snake_case keys back to the spec's. */
  readonly bodySchema: Schema | undefined;
  readonly paginated: boolean;
  readonly response: {
    readonly status: string;
    readonly description: string;
    readonly schema: Schema | undefined;
  };
}

const JSON_TYPES = /^application\/(.+\+)?json/;

function jsonSchemaOf(
  refs: RefResolver,
  content: Readonly<Record<string, { readonly schema?: Schema }>> | undefined,
): Schema | undefined {
  if (!content) return undefined;
  const key = Object.keys(content).find((k) => JSON_TYPES.test(k)) ?? Object.keys(content)[0];
  const schema = key === undefined ? undefined : content[key]?.schema;
  return schema ? refs.deref(schema) : undefined;
}

/** Merged `allOf` schemas: body keys are mapped through them on every call. */
const flattened = new WeakMap<Schema, Schema>();

/** Merges `allOf` members so their properties read as one object. */
export function flattenSchema(
  refs: RefResolver,
  schema: Schema | undefined,
  within: ReadonlySet<Schema> = new Set(),
): Schema | undefined {
  if (!schema) return undefined;
  const resolved = refs.deref(schema);
  // An `allOf` that reaches itself again adds nothing new; following it would never end.
  if (!resolved.allOf || within.has(resolved)) return resolved;
  const known = flattened.get(resolved);
  if (known) return known;
  const inner = new Set(within).add(resolved);
  const properties: Record<string, Schema> = { ...resolved.properties };
  const required = [...(resolved.required ?? [])];
  for (const part of resolved.allOf) {
    const flat = flattenSchema(refs, part, inner);
    Object.assign(properties, flat?.properties);
    required.push(...(flat?.required ?? []));
  }
  const flat: Schema = { ...resolved, type: resolved.type ?? "object", properties, required };
  // Only a complete merge is kept: one cut short by a cycle depends on where it started.
  if (within.size === 0) flattened.set(resolved, flat);
  return flat;
}

function paramOf(refs: RefResolver, raw: RawParameter, where: string): Param | undefined {
  const p = refs.deref(raw);
  if (typeof p.name !== "string" || typeof p.in !== "string") {
    throw new SpecError(`a parameter of ${where} has no "name" or "in"`);
  }
  const location = p.in === "formData" ? "body" : p.in;
  // Cookies are the browser's business; a fetch client cannot set them.
  if (location === "cookie") return undefined;
  if (location !== "path" && location !== "query" && location !== "header" && location !== "body") {
    throw new SpecError(`the parameter "${p.name}" of ${where} is in "${p.in}"`);
  }
  const schema: Schema = p.schema ? refs.deref(p.schema) : (p as Schema);
  return {
    name: p.name,
    // Header names are dashed words (`X-Request-Id`), not camelCase: `x_request_id`.
    snake: location === "header" ? p.name.toLowerCase().replaceAll("-", "_") : camelToSnake(p.name),
    in: location,
    required: location === "path" || p.required === true,
    schema,
    description: typeof p.description === "string" ? p.description : "",
  };
}

function bodyParams(
  refs: RefResolver,
  schema: Schema | undefined,
  required: boolean,
  name: string,
) {
  const flat = flattenSchema(refs, schema);
  if (flat?.properties && Object.keys(flat.properties).length > 0) {
    const requiredNames = new Set(flat.required ?? []);
    const params = Object.entries(flat.properties).map(([prop, propSchema]): Param => {
      const resolved = refs.deref(propSchema);
      return {
        name: prop,
        snake: camelToSnake(prop),
        in: "body",
        required: requiredNames.has(prop),
        schema: resolved,
        description: typeof resolved.description === "string" ? resolved.description : "",
      };
    });
    return { params, whole: undefined, schema: flat };
  }
  const whole: Param = {
    name,
    snake: camelToSnake(name),
    in: "body",
    required,
    schema: flat ?? {},
    description: typeof flat?.description === "string" ? flat.description : "",
  };
  return { params: [whole], whole, schema: undefined };
}

function firstResponse(refs: RefResolver, op: Operation, version: string) {
  const responses = op.raw.responses ?? {};
  const codes = Object.keys(responses);
  const status = codes.find((c) => /^2/.test(c)) ?? codes[0] ?? "default";
  const raw = refs.deref(responses[status] ?? ({} as RawResponse));
  const schema =
    version === "2.0" ? raw.schema && refs.deref(raw.schema) : jsonSchemaOf(refs, raw.content);
  return { status, description: raw.description ?? "", schema };
}

const details = new WeakMap<Operation, OperationDetail>();

/** Everything a call or `help()` needs about one operation, computed once on first use. */
export function operationDetail(
  op: Operation,
  refs: RefResolver,
  version: string,
): OperationDetail {
  const known = details.get(op);
  if (known) return known;
  const where = `${op.verb.toUpperCase()} ${op.path}`;

  // Operation-level parameters override path-level ones of the same name and place.
  const merged = new Map<string, Param>();
  for (const raw of [...(op.pathItemParams ?? []), ...(op.raw.parameters ?? [])]) {
    const p = paramOf(refs, raw, where);
    if (p) merged.set(`${p.in}:${p.name}`, p);
  }

  const pathParams: Param[] = [];
  for (const name of op.pathParams) {
    const declared = merged.get(`path:${name}`);
    pathParams.push(
      declared ?? {
        name,
        snake: camelToSnake(name),
        in: "path",
        required: true,
        schema: { type: "string" },
        description: "",
      },
    );
  }

  const params: Param[] = [];
  let wholeBody: Param | undefined;
  let bodySchema: Schema | undefined;
  for (const p of merged.values()) {
    if (p.in === "path") continue;
    if (p.in === "body" && version === "2.0" && p.schema !== undefined && !isFormField(op, p)) {
      const body = bodyParams(refs, p.schema, p.required, p.name);
      params.push(...body.params);
      wholeBody = body.whole;
      bodySchema = body.schema;
    } else {
      params.push(p);
    }
  }
  const requestBody = op.raw.requestBody ? refs.deref(op.raw.requestBody) : undefined;
  if (requestBody) {
    const body = bodyParams(
      refs,
      jsonSchemaOf(refs, requestBody.content),
      requestBody.required === true,
      "body",
    );
    params.push(...body.params);
    wholeBody = body.whole;
    bodySchema = body.schema;
  }
  params.sort((a, b) => Number(b.required) - Number(a.required));

  const byName = new Map<string, Param>();
  for (const p of params) {
    byName.set(p.snake, p);
    byName.set(p.name, p);
  }
  const paginated = op.verb === "get" && byName.has("limit") && byName.has("page_num");

  const detail: OperationDetail = {
    pathParams,
    params,
    byName,
    wholeBody,
    bodySchema,
    paginated,
    response: firstResponse(refs, op, version),
  };
  details.set(op, detail);
  return detail;
}

function isFormField(op: Operation, p: Param): boolean {
  return (op.raw.parameters ?? []).some((r) => r.in === "formData" && r.name === p.name);
}
