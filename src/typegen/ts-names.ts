const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Words a parameter may not be named, in strict mode and in declarations. */
// The split is a call: marked pure, so importing the package (for anything but typegen) runs nothing.
const RESERVED_WORDS = /* @__PURE__ */ new Set(
  /* @__PURE__ */ (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with implements interface let package private protected " +
    "public static yield await arguments eval"
  ).split(" "),
);

/**
 * Type names a generated declaration must not shadow: the file itself uses them,
 * and a schema called `Promise` would break every method's return type.
 */
const RESERVED_TYPES = [
  "Array",
  "ReadonlyArray",
  "Promise",
  "Record",
  "Readonly",
  "Object",
  "String",
  "Number",
  "Boolean",
  "Symbol",
  "Date",
  "Function",
  "Headers",
  "AbortSignal",
  "CallInit",
  "Response",
  "ListResponse",
  "PaginatedResponse",
  "TypedResponse",
  "ResponseMembers",
  "Loose",
  "TypedListResponse",
  "TypedPaginatedResponse",
];

/** A property key as written in a type: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** A parameter name usable in a signature: `class` -> `class_`, `2fa` -> `_2fa`. */
export function parameterName(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_$]/g, "_");
  if (!/^[A-Za-z_$]/.test(id)) id = `_${id}`;
  return RESERVED_WORDS.has(id) ? `${id}_` : id;
}

/** `simple-user` / `json_values` / `list_me` -> `SimpleUser` / `JsonValues` / `ListMe`. */
export function pascalCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  let out = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  if (out === "") out = "Unnamed";
  return /^[0-9]/.test(out) ? `T${out}` : out;
}

/** Hands out unique type names: a second `Workflow` becomes `Workflow2`. */
export class NameRegistry {
  readonly #taken = new Set<string>(RESERVED_TYPES);

  /** Reserves and returns `wanted`, or the first free `wanted2`, `wanted3`... */
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.#taken.has(name); n++) name = `${wanted}${n}`;
    this.#taken.add(name);
    return name;
  }
}
