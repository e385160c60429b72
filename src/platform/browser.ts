import type { Platform } from "./platform.js";

/** Browsers: no environment, IndexedDB for the spec cache, fetch for local specs. */
export const browserPlatform: Platform = {
  name: "browser",
  env: () => undefined,
  isRepl: () => false,
  headers: () => ({}),
  async readLocalSpec(source, fetchImpl, signal) {
    const response = await fetchImpl(source, { headers: { Accept: "application/json" }, signal });
    if (!response.ok)
      throw new Error(`Could not load the spec from ${source}: HTTP ${response.status}`);
    return response.text();
  },
  // On demand: IndexedDB (idb-keyval) is for APIClient.create()'s cache only.
  persistentStore: () => import("../cache/idb-spec-store.js").then((m) => m.idbSpecStore()),
  logger: () => undefined,
  warn(message) {
    console.warn(message);
  },
};
