import type { ResolvedSchemas } from "./resolved-schemas.js";
import { specText } from "./spec-text.js";
import type { RawOperation, RawResponse, Schema } from "./types.js";

const JSON_TYPES = /^application\/(.+\+)?json/;

/**
 * The schema of a body or a response, whichever spec version wrote it: Swagger 2.0
 * puts it under `schema`, OpenAPI 3 under a media type of `content` (JSON preferred).
 */
export function schemaOf(
  schemas: ResolvedSchemas,
  holder: Pick<RawResponse, "schema" | "content">,
  resolve = true,
): Schema | undefined {
  const media = Object.entries(holder.content ?? {});
  const schema =
    holder.schema ?? (media.find(([type]) => JSON_TYPES.test(type)) ?? media[0])?.[1].schema;
  if (!schema) return undefined;
  return resolve ? schemas.resolve(schema) : schemas.deref(schema);
}

/** The answer a method documents: the first 2xx one, else the first the spec lists. */
export interface FirstResponse {
  readonly status: string;
  readonly description: string;
  readonly schema: Schema | undefined;
}

/** `resolve: false` gives the schema only `$ref`-followed at its top, for a quick look at its type. */
export function firstResponse(
  schemas: ResolvedSchemas,
  op: RawOperation,
  resolve = true,
): FirstResponse {
  const responses = op.responses ?? {};
  const codes = Object.keys(responses);
  const status = codes.find((c) => c[0] === "2") ?? codes[0] ?? "default";
  const raw = schemas.deref(responses[status] ?? ({} as RawResponse));
  return {
    status,
    description: specText(raw.description),
    schema: schemaOf(schemas, raw, resolve),
  };
}
