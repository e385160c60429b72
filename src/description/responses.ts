import type { RefResolver } from "./refs.js";
import { specText } from "./spec-text.js";
import type { RawOperation, RawResponse, Schema } from "./types.js";

const JSON_TYPES = /^application\/(.+\+)?json/;

/**
 * The schema of a body or a response, whichever spec version wrote it: Swagger 2.0
 * puts it under `schema`, OpenAPI 3 under a media type of `content` (JSON preferred).
 */
export function schemaOf(
  refs: RefResolver,
  holder: Pick<RawResponse, "schema" | "content">,
): Schema | undefined {
  const media = Object.entries(holder.content ?? {});
  const schema =
    holder.schema ?? (media.find(([type]) => JSON_TYPES.test(type)) ?? media[0])?.[1].schema;
  return schema && refs.deref(schema);
}

/** The answer a method documents: the first 2xx one, else the first the spec lists. */
export interface FirstResponse {
  readonly status: string;
  readonly description: string;
  readonly schema: Schema | undefined;
}

export function firstResponse(refs: RefResolver, op: RawOperation): FirstResponse {
  const responses = op.responses ?? {};
  const codes = Object.keys(responses);
  const status = codes.find((c) => /^2/.test(c)) ?? codes[0] ?? "default";
  const raw = refs.deref(responses[status] ?? ({} as RawResponse));
  return { status, description: specText(raw.description), schema: schemaOf(refs, raw) };
}
