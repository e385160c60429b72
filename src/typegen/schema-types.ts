import { readingSpec } from "../description/spec-guard.js";
import type { Schema } from "../description/types.js";
import { camelToSnake } from "../naming/camel-to-snake.js";
import { keyMode } from "../response/convert.js";
import { Response } from "../response/response.js";
import { docBlock } from "./jsdoc.js";
import { type NameRegistry, pascalCase, propertyKey } from "./ts-names.js";

/**
 * `"in"`: what a call accepts (snake_case keys, required ones required).
 * `"out"`: what it returns (read-only `Response`s with snake_case fields).
 */
export type View = "in" | "out";

/** Data keys the runtime never turns into properties: `Response`'s own members win (`get()` still reads them). */
const MEMBERS: ReadonlySet<string> = /* @__PURE__ */ responseMembers();

// Pure, without arguments: a bundler drops it (and the Response class it reads) with MEMBERS.
function responseMembers(): ReadonlySet<string> {
  return new Set(
    Object.getOwnPropertyNames(Response.prototype).filter((name) => name !== "constructor"),
  );
}

const INDENT = "  ";
/** Inline schemas nested deeper than this are written as `unknown` / `Response`. */
const MAX_INLINE_DEPTH = 64;

interface Pending {
  readonly schema: Schema;
  readonly view: View;
  readonly name: string;
}

/** A list the spec gives, or none where it gives something else (a malformed spec). */
function list<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function isLiteral(value: unknown): boolean {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

function typesOf(schema: Schema): readonly (string | undefined)[] {
  if (Array.isArray(schema.type)) return schema.type as readonly string[];
  if (typeof schema.type === "string") return [schema.type];
  if (schema.properties || schema.additionalProperties !== undefined) return ["object"];
  if (schema.items) return ["array"];
  return [undefined];
}

/** A schema that describes a value itself, not only constraints on one (`{ required: [...] }`). */
function hasShape(schema: Schema): boolean {
  return (
    schema.type !== undefined ||
    schema.properties !== undefined ||
    schema.items !== undefined ||
    schema.enum !== undefined ||
    schema.additionalProperties !== undefined
  );
}

/** An object whose fields can be written as an interface. */
function isPlainObject(schema: Schema): boolean {
  return (
    schema.properties !== undefined &&
    Object.keys(schema.properties).length > 0 &&
    !schema.allOf &&
    !schema.oneOf &&
    !schema.anyOf &&
    !schema.enum &&
    (schema.type === undefined || schema.type === "object")
  );
}

/** Primitives read the same in both views, so one named type serves both. */
function isViewFree(schema: Schema): boolean {
  return (
    !schema.properties &&
    !schema.items &&
    !schema.allOf &&
    !schema.oneOf &&
    !schema.anyOf &&
    schema.additionalProperties === undefined &&
    !typesOf(schema).some((t) => t === "object" || t === "array" || t === undefined)
  );
}

function arrayOf(item: string): string {
  return /^[\w.]+$/.test(item) ? `readonly ${item}[]` : `ReadonlyArray<${item}>`;
}

function parenthesize(type: string): string {
  return type.includes(" | ") ? `(${type})` : type;
}

/**
 * Writes TypeScript types for spec schemas. Schemas the spec names (`definitions`,
 * `components.schemas`) become named declarations, emitted once per view on first
 * use, which also ends every circular definition; the rest are written inline.
 */
export class SchemaTypes {
  readonly #definitions: ReadonlyMap<object, string>;
  readonly #names: NameRegistry;
  readonly #named = new Map<Schema, Partial<Record<View, string>>>();
  readonly #pending: Pending[] = [];
  /** Inline schemas being written: a cycle that no name breaks stops here. */
  readonly #active = new Set<Schema>();

  constructor(definitions: ReadonlyMap<object, string>, names: NameRegistry) {
    this.#definitions = definitions;
    this.#names = names;
  }

  /** The type of a value described by `schema`, indented for a position at `indent`. */
  type(schema: Schema | undefined, view: View, indent = ""): string {
    if (schema === undefined) return "unknown";
    const definition = this.#definitions.get(schema);
    if (definition !== undefined) return this.#nameOf(schema, definition, view);
    return this.#inline(schema, view, indent);
  }

  /** The declarations of every named type used so far (and those they use). */
  declarations(): string[] {
    const out: string[] = [];
    for (let item = this.#pending.shift(); item; item = this.#pending.shift()) {
      const pending = item;
      out.push(readingSpec(`the schema ${pending.name}`, () => this.#declaration(pending)));
    }
    return out;
  }

  #nameOf(schema: Schema, definition: string, view: View): string {
    let names = this.#named.get(schema);
    if (!names) {
      names = {};
      this.#named.set(schema, names);
    }
    const shared = isViewFree(schema);
    const known = names[view] ?? (shared ? (names.in ?? names.out) : undefined);
    if (known !== undefined) return known;
    const suffix = view === "in" && !shared ? "Input" : "";
    const name = this.#names.claim(pascalCase(definition) + suffix);
    names[view] = name;
    this.#pending.push({ schema, view, name });
    return name;
  }

  #declaration({ schema, view, name }: Pending): string {
    const doc = docBlock(typeof schema.description === "string" ? schema.description : "", "");
    if (isPlainObject(schema)) {
      // Fields beyond the listed ones are expected only where the spec says so.
      const base =
        view === "out"
          ? ` extends ${schema.additionalProperties ? "Response" : "ResponseMembers"}`
          : "";
      return `${doc}export interface ${name}${base} ${this.#members(schema, view, "")}`;
    }
    return `${doc}export type ${name} = ${this.#inline(schema, view, "")};`;
  }

  #inline(schema: Schema, view: View, indent: string): string {
    // A cycle, or inline schemas nested beyond any sensible type: the recursion stops.
    if (this.#active.has(schema) || this.#active.size >= MAX_INLINE_DEPTH) {
      return view === "out" ? "Response" : "unknown";
    }
    this.#active.add(schema);
    try {
      const type = this.#composed(schema, view, indent);
      const nullable =
        schema.nullable === true || (schema as { "x-nullable"?: unknown })["x-nullable"] === true;
      return nullable && type !== "unknown" && !type.endsWith(" | null") ? `${type} | null` : type;
    } finally {
      this.#active.delete(schema);
    }
  }

  /** Own shape `&` every `allOf` member `&` the union of `oneOf` / `anyOf` members. */
  #composed(schema: Schema, view: View, indent: string): string {
    const parts: string[] = [];
    if (hasShape(schema)) parts.push(this.#own(schema, view, indent));
    for (const member of list(schema.allOf)) {
      if (this.#describes(member)) parts.push(this.type(member, view, indent));
    }
    const alternatives = [...list(schema.oneOf), ...list(schema.anyOf)].filter((m) =>
      this.#describes(m),
    );
    if (alternatives.length > 0) {
      const union = unique(alternatives.map((m) => this.type(m, view, indent)));
      if (union.includes("unknown")) parts.push("unknown");
      else parts.push(union.join(" | "));
    }
    const known = unique(parts.filter((p) => p !== "unknown"));
    if (known.length === 0) return "unknown";
    return known.length === 1 ? known[0]! : known.map(parenthesize).join(" & ");
  }

  #describes(member: Schema): boolean {
    if (typeof member !== "object" || member === null) return false;
    // A named definition describes something, as a `$ref` to it did.
    if (this.#definitions.has(member)) return true;
    return hasShape(member) || !!member.allOf || !!member.oneOf || !!member.anyOf;
  }

  #own(schema: Schema, view: View, indent: string): string {
    const values = list(schema.enum);
    if (values.length > 0 && values.every(isLiteral)) {
      return unique(values.map((value) => JSON.stringify(value))).join(" | ");
    }
    const types = unique(typesOf(schema).map((t) => this.#ofType(t, schema, view, indent)));
    return types.includes("unknown") ? "unknown" : types.join(" | ");
  }

  #ofType(type: string | undefined, schema: Schema, view: View, indent: string): string {
    switch (type) {
      case "string":
        return "string";
      case "integer":
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "null":
        return "null";
      case "array":
        return arrayOf(this.type(schema.items, view, indent));
      case "object":
        return this.#object(schema, view, indent);
      default:
        // No type, or Swagger's `file`: nothing to promise.
        return "unknown";
    }
  }

  #object(schema: Schema, view: View, indent: string): string {
    if (!schema.properties || Object.keys(schema.properties).length === 0) {
      if (view === "out") return "Response";
      const extra = schema.additionalProperties;
      const value = typeof extra === "object" ? this.type(extra, "in", indent) : "unknown";
      return `Record<string, ${value}>`;
    }
    const members = this.#members(schema, view, indent);
    if (view !== "out") return members;
    return schema.additionalProperties
      ? `Loose<TypedResponse<${members}>>`
      : `TypedResponse<${members}>`;
  }

  /** `{ ... }` with one line per property, under the names the runtime uses. */
  #members(schema: Schema, view: View, indent: string): string {
    const inner = indent + INDENT;
    const listed = Array.isArray(schema.required) ? new Set<string>(schema.required) : undefined;
    const seen = new Set<string>();
    let out = "{\n";
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const name = camelToSnake(key);
      if (seen.has(name) || (view === "out" && MEMBERS.has(name))) continue;
      seen.add(name);
      // Answers: every field the spec lists, unless it says which are required
      // (the Civis spec never does). Arguments: only the required ones.
      const optional = view === "in" || listed ? !listed?.has(key) : false;
      const description = typeof property.description === "string" ? property.description : "";
      const type =
        view === "out" ? this.#field(key, property, inner) : this.type(property, "in", inner);
      out += docBlock(description, inner);
      out += `${inner}${view === "out" ? "readonly " : ""}${propertyKey(name)}${optional ? "?" : ""}: ${type};\n`;
    }
    if (view === "in" && schema.additionalProperties) out += `${inner}[key: string]: unknown;\n`;
    return `${out}${indent}}`;
  }

  /** A returned field: `value` stays as sent, `arguments` keeps its keys' case (see `keyMode`). */
  #field(key: string, raw: Schema, indent: string): string {
    const mode = keyMode(key, false);
    if (mode === "as-sent") return "unknown";
    if (mode === "keep") return this.#keptCase(raw);
    return this.type(raw, "out", indent);
  }

  /** Objects under a kept-case key are `Response`s keyed as sent: no snake_case names to promise. */
  #keptCase(schema: Schema, depth = 0): string {
    const types = typesOf(schema);
    if (types.includes("object")) return "Response";
    if (types.includes("array")) {
      const { items } = schema;
      return arrayOf(
        items && depth < MAX_INLINE_DEPTH ? this.#keptCase(items, depth + 1) : "unknown",
      );
    }
    return this.type(schema, "out");
  }
}
