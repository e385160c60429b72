// The parts of Swagger 2.0 the sample API writes and reads: its own spec, nothing more.

export interface Schema {
  $ref?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  format?: string;
  description?: string;
  enum?: readonly (string | number)[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  additionalProperties?: Schema | boolean;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "body" | "header";
  required: boolean;
  type?: "string" | "integer" | "boolean" | "number" | "array";
  description?: string;
  enum?: readonly (string | number)[];
  default?: unknown;
  schema?: Schema;
}

export interface Operation {
  tags: string[];
  summary: string;
  parameters: Parameter[];
  responses: Record<string, { description: string; schema?: Schema }>;
  deprecated: boolean;
  "x-deprecation-warning": string | null;
}

export type PathItem = Partial<Record<HttpMethod, Operation>> & { parameters?: Parameter[] };
export type HttpMethod = "get" | "put" | "post" | "patch" | "delete" | "head" | "options";
export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "patch",
  "delete",
  "head",
  "options",
];

export interface SwaggerSpec {
  swagger: "2.0";
  info: { title: string; version: string; description: string };
  host: string;
  basePath?: string;
  schemes: string[];
  consumes: string[];
  produces: string[];
  securityDefinitions: Record<string, { type: string; description: string }>;
  security: Record<string, string[]>[];
  paths: Record<string, PathItem>;
  definitions: Record<string, Schema>;
}
