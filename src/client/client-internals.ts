import type { SpecOrigin } from "../cache/spec-cache.js";
import type { ClientContext } from "../methods/client-context.js";

/** What `help()` and the demo may read of a client, without exposing its headers (and key). */
export interface ClientInfo {
  readonly ctx: ClientContext;
  /** Resource property name -> resource key in the model. */
  readonly resources: ReadonlyMap<string, string>;
  readonly origin: SpecOrigin;
}

export const clientInfo = new WeakMap<object, ClientInfo>();

/** The client each context belongs to, so a generated method leads back to its client. */
export const contextClients = new WeakMap<object, object>();
