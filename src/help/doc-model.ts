import { camelToSnake } from "../naming/camel-to-snake.js";
import { flattenSchema, operationDetail, type Param } from "../spec/operation-detail.js";
import type { RefResolver } from "../spec/refs.js";
import type { ApiModel, Operation, Schema } from "../spec/types.js";

/** One documented name: a parameter, a body property, or a returned field. */
export interface DocEntry {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly description: string;
  readonly children: readonly DocEntry[];
  /** Where a method parameter goes (`iterator` is the client's own); absent for nested properties and returned fields. */
  readonly in?: "path" | "query" | "header" | "body" | "client";
  /** The values the spec allows, when it lists them. */
  readonly enum?: readonly unknown[];
  /** The spec's default, when it gives one. */
  readonly default?: unknown;
}

/** A method's documentation as data: the text `help()` prints and the demo's HTML both come from it. */
export interface MethodDocModel {
  readonly resource: string;
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly verb: string;
  readonly path: string;
  readonly deprecation: string | undefined;
  readonly pathParams: readonly string[];
  readonly paginated: boolean;
  readonly params: readonly DocEntry[];
  readonly returns: {
    readonly type: string;
    readonly fields: readonly DocEntry[];
    readonly status: string;
    readonly description: string;
  };
}

/** Deep schemas stop here; self-references stop at once. */
const MAX_DEPTH = 8;

function typeName(refs: RefResolver, schema: Schema, returned: boolean): string {
  const raw = schema.type;
  const type = Array.isArray(raw)
    ? (raw.find((t) => t !== "null") ?? "any")
    : (raw as string | undefined);
  const base = type ?? (schema.properties || schema.allOf ? "object" : "any");
  if (base === "array") {
    const items = schema.items ? refs.deref(schema.items) : undefined;
    const item = items ? typeName(refs, items, returned) : undefined;
    return item ? `array<${item}>` : "array";
  }
  const shown = base === "object" && returned ? "Response" : base;
  return schema.format && base !== "object" ? `${shown} (${schema.format})` : shown;
}

function childProperties(refs: RefResolver, schema: Schema): Schema | undefined {
  const flat = flattenSchema(refs, schema);
  if (flat?.properties) return flat;
  const items = flat?.items ? flattenSchema(refs, flat.items) : undefined;
  return items?.properties ? items : undefined;
}

function entries(
  refs: RefResolver,
  schema: Schema,
  returned: boolean,
  stack: Schema[],
): DocEntry[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, raw]) =>
    entry(refs, name, refs.deref(raw), !returned && !required.has(name), returned, stack),
  );
}

function entry(
  refs: RefResolver,
  name: string,
  schema: Schema,
  optional: boolean,
  returned: boolean,
  stack: Schema[],
): DocEntry {
  const child = childProperties(refs, schema);
  // A schema already being documented (a circular definition) is named, not expanded again.
  const expand = child && !stack.includes(child) && stack.length < MAX_DEPTH;
  return {
    name: camelToSnake(name),
    type: name === "value" ? "any" : typeName(refs, schema, returned),
    optional,
    description: typeof schema.description === "string" ? schema.description : "",
    children: expand ? entries(refs, child, returned, [...stack, child]) : [],
  };
}

function paramEntry(refs: RefResolver, p: Param): DocEntry {
  const child = childProperties(refs, p.schema);
  return {
    name: p.snake,
    type: typeName(refs, p.schema, false),
    optional: !p.required,
    description: p.description,
    children: child ? entries(refs, child, false, [child]) : [],
    in: p.in,
    ...(p.schema.enum ? { enum: p.schema.enum } : {}),
    ...(p.schema.default !== undefined ? { default: p.schema.default } : {}),
  };
}

const ITERATOR_DOC =
  "If true, return a PaginatedResponse: an async iterable over every item of every page. " +
  "Use it when more results than the maximum allowed by 'limit' are needed. When true, " +
  "'page_num' is ignored. If false, return one page as a ListResponse, whose size is " +
  "determined by 'limit'. Defaults to false.";

/** The documentation of one operation, computed on first use. */
export function methodDocModel(model: ApiModel, op: Operation): MethodDocModel {
  const { refs } = model;
  const detail = operationDetail(op, refs);
  const params = [...detail.pathParams, ...detail.params].map((p) => paramEntry(refs, p));
  if (detail.paginated) {
    params.push({
      name: "iterator",
      type: "boolean",
      optional: true,
      description: ITERATOR_DOC,
      children: [],
    });
  }
  const { response } = detail;
  const fields = response.schema ? childProperties(refs, response.schema) : undefined;
  const isArray =
    response.schema !== undefined && flattenSchema(refs, response.schema)?.type === "array";
  const type = detail.paginated
    ? "ListResponse | PaginatedResponse"
    : isArray
      ? "ListResponse"
      : "Response";
  return {
    resource: op.resource,
    name: op.name,
    summary: op.summary,
    description: typeof op.raw.description === "string" ? op.raw.description : "",
    verb: op.verb.toUpperCase(),
    path: op.path,
    deprecation: op.deprecation,
    pathParams: detail.pathParams.map((p) => p.snake),
    paginated: detail.paginated,
    params,
    returns: {
      type,
      fields: fields ? entries(refs, fields, true, [fields]) : [],
      status: response.status,
      description: response.description,
    },
  };
}
