import { flattenSchema, operationDetail, type Param } from "../description/operation-detail.js";
import { readingSpec } from "../description/spec-guard.js";
import { specText } from "../description/spec-text.js";
import type { ApiModel, Operation, Schema } from "../description/types.js";
import { camelToSnake } from "../naming/camel-to-snake.js";

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
  /** Other names of the same method (`get_me` for `list_me`). */
  readonly aliases: readonly string[];
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
const MAX_ITEMS = 32;

/**
 * `string (date-time)`, `array<array<integer>>`, `Response`... Nested `items` are followed at
 * most MAX_ITEMS deep: a spec may nest them without end.
 */
function typeName(schema: Schema, returned: boolean, arrays = 0): string {
  const raw = schema.type;
  const type = Array.isArray(raw)
    ? (raw.find((t) => t !== "null") ?? "any")
    : (raw as string | undefined);
  const base = type ?? (schema.properties || schema.allOf ? "object" : "any");
  if (base === "array" && schema.items && arrays < MAX_ITEMS) {
    return `array<${typeName(schema.items, returned, arrays + 1)}>`;
  }
  const shown = base === "object" && returned ? "Response" : base;
  return schema.format && base !== "object" && base !== "array"
    ? `${shown} (${schema.format})`
    : shown;
}

/** The documented properties of an object schema, or of an array's items; [] for anything else. */
function properties(
  schema: Schema | undefined,
  returned: boolean,
  stack: readonly Schema[],
): DocEntry[] {
  const flat = flattenSchema(schema);
  const object = flat?.properties ? flat : flattenSchema(flat?.items);
  // A schema already being documented (a circular definition) is named, not expanded again.
  if (!object?.properties || stack.includes(object) || stack.length >= MAX_DEPTH) return [];
  const inner = [...stack, object];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).map(([name, schema]) => {
    return {
      name: camelToSnake(name),
      // The `value` of a JSON value object is whatever the user stored; civis-python says `object`.
      type: name === "value" ? "object" : typeName(schema, returned),
      optional: !returned && !required.has(name),
      description: specText(schema.description),
      children: properties(schema, returned, inner),
    };
  });
}

function paramEntry(p: Param): DocEntry {
  const { schema } = p;
  return {
    name: p.snake,
    type: p.in === "body" && p.name === "value" ? "object" : typeName(schema, false),
    optional: !p.required,
    description: p.description,
    children: properties(schema, false, []),
    in: p.in,
    enum: schema.enum,
    default: schema.default,
  };
}

const ITERATOR_DOC =
  "If true, return a PaginatedResponse: an async iterable over every item of every page. " +
  "Use it when more results than the maximum allowed by 'limit' are needed. When true, " +
  "'page_num' is ignored. If false, return one page as a ListResponse, whose size is " +
  "determined by 'limit'. Defaults to false.";

/** The documentation of one operation, computed on first use. */
export function methodDocModel(_model: ApiModel, op: Operation): MethodDocModel {
  // Everything comes from the operation; the model argument stays for the callers' sake.
  return readingSpec(`the operation ${op.verb.toUpperCase()} ${op.path}`, () => docModelOf(op));
}

function docModelOf(op: Operation): MethodDocModel {
  const detail = operationDetail(op);
  const params = [...detail.pathParams, ...detail.params].map(paramEntry);
  if (detail.paginated) {
    params.push({
      name: "iterator",
      type: "boolean",
      optional: true,
      in: "client",
      description: ITERATOR_DOC,
      children: [],
    });
  }
  const { response } = detail;
  const type = detail.paginated
    ? "ListResponse | PaginatedResponse"
    : op.returnsList
      ? "ListResponse"
      : "Response";
  return {
    resource: op.resource,
    name: op.name,
    aliases: op.aliases,
    summary: op.summary,
    description: op.description,
    verb: op.verb.toUpperCase(),
    path: op.path,
    deprecation: op.deprecation,
    pathParams: detail.pathParams.map((p) => p.snake),
    paginated: detail.paginated,
    params,
    returns: {
      type,
      fields: properties(response.schema, true, []),
      status: response.status,
      description: response.description,
    },
  };
}
