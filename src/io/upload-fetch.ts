import { clientFetch, type IoClient } from "./answer-fields.js";
import { ioPlatform } from "./current-io-platform.js";
import type { UploadBytes } from "./xhr-fetch.js";

/** The fetch for one upload request, given what to call as its body's bytes go out. */
export type UploadFetchFor = (onBytes: UploadBytes) => typeof fetch;

/**
 * How an upload's requests are sent. When neither the call nor the client was given a fetch
 * of its own, through the platform's upload transport (XMLHttpRequest in browsers, node:http
 * on Node), which reports bytes as they are sent; otherwise through the custom fetch, whose
 * progress comes per request, when it is done.
 */
export function uploadFetchFor(client: IoClient, given: typeof fetch | undefined): UploadFetchFor {
  const fetchImpl = clientFetch(client, given);
  const own = (client as unknown as Record<symbol, unknown>)[Symbol.for("civis.fetch")];
  const plain = given === undefined && (own === undefined || own === globalThis.fetch);
  const transport = plain ? ioPlatform.uploadFetch : undefined;
  return transport ? (onBytes) => transport(onBytes) : () => fetchImpl;
}
