import type { SpecOrigin } from "../cache/spec-cache.js";
import { clientInfo } from "../client/client-internals.js";

/** One operation of a client, cheap to list (no parameter or schema work). */
export interface OperationSummary {
  /** The client property: `client[resource][name]`. */
  readonly resource: string;
  readonly name: string;
  /** Other names of the same method (`get_me` for `list_me`). */
  readonly aliases: readonly string[];
  readonly verb: string;
  readonly path: string;
  readonly summary: string;
  readonly deprecated: boolean;
}

/** What a page needs to show a client: where its spec came from, and every operation. */
export interface ClientDescription {
  readonly title: string;
  readonly baseUrl: string;
  /** `download`, `memory` or `store` (the spec cache), or `local` (a spec given by the caller). */
  readonly origin: SpecOrigin;
  readonly operations: readonly OperationSummary[];
}

/** Lists a client's operations and says where its spec came from (the demo's explorer uses it). */
export function describeClient(client: unknown): ClientDescription {
  // WeakMap.get answers undefined for a key that is not an object.
  const info = clientInfo.get(client as object);
  if (!info) throw new TypeError("describeClient() takes an APIClient");
  const { model, transport } = info.ctx;
  const operations: OperationSummary[] = [];
  for (const [property, key] of info.resources) {
    for (const op of model.resources.get(key)?.operations() ?? []) {
      operations.push({
        resource: property,
        name: op.name,
        aliases: op.aliases,
        verb: op.verb.toUpperCase(),
        path: op.path,
        summary: op.summary,
        deprecated: op.deprecation !== undefined,
      });
    }
  }
  return { title: model.title, baseUrl: transport.baseUrl, origin: info.origin, operations };
}
