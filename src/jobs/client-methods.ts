import { clientInfo, contextClients, methodOperations } from "../internal.js";

/** Any function that calls the API: a generated method, or the user's own getter. */
// biome-ignore lint/suspicious/noExplicitAny: a getter's arguments are whatever its API takes.
export type ApiCall = (...args: any[]) => PromiseLike<unknown>;

/** The client a generated method belongs to; undefined for any other function. */
export function clientOfMethod(method: Function): object | undefined {
  const ctx = methodOperations.get(method)?.ctx;
  return ctx && contextClients.get(ctx);
}

/** The API base URL of a client, for the platform's page links. */
export function baseUrlOf(client: object): string | undefined {
  return clientInfo.get(client)?.ctx.transport.baseUrl;
}

/**
 * A client's public method `resource.method`, or a TypeError naming it when the client's
 * API lacks it (a spec without the jobs endpoints), before anything is sent.
 */
export function methodOf(client: object, resource: string, method: string): ApiCall {
  const found = (client as Record<string, Record<string, unknown> | undefined>)[resource]?.[method];
  if (typeof found !== "function") {
    throw new TypeError(`the client's API has no ${resource}.${method}()`);
  }
  return found as ApiCall;
}
