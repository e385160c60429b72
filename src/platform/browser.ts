import { sendOnce } from "../http/send-once.js";
import type { Platform } from "./platform.js";

/** Browsers: no environment, IndexedDB for the spec cache, fetch for local specs. */
export const browserPlatform: Platform = {
  name: "browser",
  env: () => undefined,
  isRepl: () => false,
  headers: () => ({}),
  async readLocalSpec(source, options) {
    // One attempt, under the client's signal and timeout as the spec download's are: a server
    // that never answers is a timed-out CivisNetworkError, never a hang. sendOnce fetches
    // baseUrl + target.slice(1) and names target in its errors: here both are the whole URL.
    const { response, text } = await sendOnce(
      options.fetch,
      source.slice(0, 1),
      {
        method: "GET",
        target: source,
        headers: { Accept: "application/json" },
        signal: options.signal,
        timeout: options.timeout,
      },
      1,
    );
    if (!response.ok)
      throw new Error(`Could not load the spec from ${source}: HTTP ${response.status}`);
    return text!;
  },
  // On demand: IndexedDB (idb-keyval) is for APIClient.create()'s cache only.
  persistentStore: () => import("../cache/idb-spec-store.js").then((m) => m.idbSpecStore()),
  logger: () => undefined,
  warn(message) {
    console.warn(message);
  },
};
