/**
 * The subset of JSON Schema (Swagger 2.0 / OpenAPI 3.x) the client reads. The
 * model's schemas are resolved (`ResolvedSchemas`): they never hold a `$ref`.
 */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly description?: string | null;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly nullable?: boolean;
  readonly additionalProperties?: boolean | Schema;
  readonly default?: unknown;
}

/** A parameter as written in either spec version (Swagger 2.0 inlines the schema). */
export interface RawParameter {
  readonly $ref?: string;
  readonly name?: string;
  readonly in?: string;
  readonly required?: boolean;
  readonly description?: string | null;
  readonly schema?: Schema;
  readonly type?: string;
  readonly format?: string;
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
}

export interface RawResponse {
  readonly $ref?: string;
  readonly description?: string;
  readonly schema?: Schema;
  readonly content?: Readonly<Record<string, { readonly schema?: Schema }>>;
}

export interface RawOperation {
  readonly summary?: string | null;
  readonly description?: string | null;
  readonly deprecated?: boolean | null;
  readonly "x-deprecation-warning"?: string | null;
  readonly parameters?: readonly RawParameter[];
  readonly requestBody?: {
    readonly $ref?: string;
    readonly required?: boolean;
    readonly description?: string;
    readonly content?: Readonly<Record<string, { readonly schema?: Schema }>>;
  };
  readonly responses?: Readonly<Record<string, RawResponse>>;
}

export type RawPathItem = Readonly<Record<string, unknown>> & {
  readonly parameters?: readonly RawParameter[];
};

export interface RawSpec {
  readonly swagger?: string;
  readonly openapi?: string;
  readonly info?: { readonly title?: string; readonly version?: string };
  readonly host?: string;
  readonly basePath?: string;
  readonly schemes?: readonly string[];
  readonly servers?: readonly { readonly url?: string }[];
  readonly paths: Readonly<Record<string, RawPathItem>>;
}

export type HttpVerb = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/**
 * One operation of the API, as cheap to make as possible: the expensive parts
 * (parameters, body, docs) are derived on first use by `operationDetail`.
 */
export interface Operation {
  /** The resource's key in the model (`ApiModel.resources`). */
  readonly resource: string;
  /** The method's name on its resource, collisions numbered (`list_items_2`). */
  readonly name: string;
  /**
   * Other names of the same method: civis-python 2.9's `get_*` for a GET whose path
   * ends in a static segment but whose answer is not a list (`users.get_me` for
   * `list_me`), unless another operation holds that name.
   */
  readonly aliases: readonly string[];
  readonly verb: HttpVerb;
  /** The spec's path without a trailing `/`, as civis-python calls it. */
  readonly path: string;
  /**
   * Path parameter names in the order the spec lists them (path-level ones first),
   * which is the order of the positional arguments, as in civis-python.
   */
  readonly pathParams: readonly string[];
  readonly summary: string;
  /** The spec's own deprecation words, or undefined when not deprecated. */
  readonly deprecation: string | undefined;
  /**
   * The answer is a list: its schema is an array, or it is one of the GETs
   * civis-python counts as lists whatever the spec says (`answersListAnyway`).
   */
  readonly returnsList: boolean;
  /** The spec's longer description of the operation ("" when it gives none). */
  readonly description: string;
}

/** The paths of one resource; their operations are made on first use. */
export interface ResourceModel {
  readonly key: string;
  /** The client's property for it: the key, made safe and distinct (`constructor_`). */
  readonly property: string;
  operations(): readonly Operation[];
}

/**
 * The normalized spec: everything after this (calls, help, typegen, the CLI, the
 * demo) reads only the model, never the raw spec. Parts are made on first use:
 * a resource's operations when it is first read, an operation's detail
 * (`operationDetail`) and a schema's children when first needed.
 */
export interface ApiModel {
  readonly version: "2.0" | "3.0" | "3.1";
  readonly title: string;
  /** The server the spec names, with a trailing `/`, if it names one. */
  readonly server: string | undefined;
  /** Resources in spec order; each builds its operations on first use. */
  readonly resources: ReadonlyMap<string, ResourceModel>;
  /** The spec's named schemas (`definitions`, `components.schemas`), resolved, by identity. */
  namedSchemas(): ReadonlyMap<Schema, string>;
}
