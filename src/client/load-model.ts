import { specCacheKey } from "../cache/cache-key.js";
import { cachedModel, type SpecOrigin } from "../cache/spec-cache.js";
import type { ApiModel } from "../description/types.js";
import type { ResolvedOptions } from "../options/resolve-options.js";
import type { Platform } from "../platform/platform.js";

/**
 * `APIClient.create()`'s spec when none is local: from memory, the store, or a download.
 * It loads on demand, so a page that builds its client from a spec object never carries the
 * cache; like the lookups, it imports nothing of the core (client-helpers.ts says why), which
 * hands it what it needs: the platform, the download and the parser.
 */
export async function loadModel(
  resolved: ResolvedOptions,
  baseUrl: string,
  platform: Platform,
  download: (options: ResolvedOptions, baseUrl: string) => Promise<string>,
  parse: (text: string) => ApiModel,
): Promise<{ model: ApiModel; origin: SpecOrigin }> {
  const cache = resolved.specCache;
  const result = await cachedModel({
    ...resolved,
    // A key function's cacheKey stands in for the key; marked so it never equals a real key's digest input.
    key: await specCacheKey(
      baseUrl,
      resolved.cacheKey === undefined ? resolved.apiKey : `\0cacheKey:${resolved.cacheKey}`,
      resolved.apiVersion,
    ),
    // "auto": the platform's store (IndexedDB in browsers), or the user's own store.
    store:
      cache === "auto"
        ? await platform.persistentStore()
        : typeof cache === "object"
          ? cache
          : undefined,
    download: () => download(resolved, baseUrl),
    parse,
  });
  // "download" is a miss; "memory" and "store" are hits.
  resolved.interceptors?.logger?.debug?.(`spec_cache=${result.origin}`, { origin: result.origin });
  return result;
}
