import type { ApiModel } from "../description/types.js";
import { type CachedSpec, isCachedSpec, type SpecStore } from "./spec-store.js";

// Loaded on demand, with the rest of the download path (src/client/load-model.ts): it imports
// nothing of the core, and takes the spec's parser as an option.

/** Where a client's spec came from. */
export type SpecOrigin = "download" | "memory" | "store" | "local";

interface MemoryEntry {
  readonly savedAt: number;
  readonly model: ApiModel;
}

/**
 * Shared by every client in this process or page, so a second client costs almost
 * nothing; a few entries, least recently used out, so a server that makes a client
 * per user key does not keep one per key for ever.
 */
const memory = new Map<string, MemoryEntry & { readonly ttlMs: number }>();
const MEMORY_ENTRIES = 8;
const inFlight = new Map<string, Promise<MemoryEntry>>();
/** A store that has not answered by then is skipped (a blocked IndexedDB never does). */
const STORE_TIMEOUT_MS = 3000;
/** Stores that did not answer in time: skipped from then on in this process or page. */
const silent = new WeakSet<SpecStore>();

/**
 * One model per spec text, however many keys downloaded it, for as long as a client
 * holds it. Keyed by the text itself: V8 hashes a long string by its length alone,
 * so a lookup costs one comparison, where a digest would cost as much as the parse.
 */
const models = new Map<string, WeakRef<ApiModel>>();
const forget = /* @__PURE__ */ new FinalizationRegistry<string>((text) => {
  if (!models.get(text)?.deref()) models.delete(text);
});

function modelOfText(text: string, parse: (text: string) => ApiModel): ApiModel {
  let model = models.get(text)?.deref();
  if (!model) {
    model = parse(text);
    models.set(text, new WeakRef(model));
    forget.register(model, text);
  }
  return model;
}

/** Named as the client's options are, so that a client's resolved options are most of it. */
export interface SpecCacheOptions {
  readonly key: string;
  readonly specCacheTtlMs: number;
  readonly forceRefresh: boolean;
  /** `"auto"` and `"memory"` use the shared memory layer. */
  readonly specCache: "auto" | "memory" | false | SpecStore;
  /** The persistent layer, if any (IndexedDB or the user's store). */
  readonly store: SpecStore | undefined;
  readonly download: () => Promise<string>;
  /** The spec's text to its model (parsed and normalized). */
  readonly parse: (text: string) => ApiModel;
  /** A download one caller can abort or time out is its own, not shared with other callers. */
  readonly signal?: AbortSignal | undefined;
  readonly timeout?: number | undefined;
  /** Tests only: how long a store may take. */
  readonly storeTimeoutMs?: number;
}

async function tryStore<T>(
  options: SpecCacheOptions,
  action: (store: SpecStore) => T | Promise<T>,
): Promise<T | undefined> {
  const { store } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return store && !silent.has(store)
      ? await Promise.race([
          action(store),
          new Promise<undefined>((resolve) => {
            timer = setTimeout(() => {
              // Blocked once, blocked again (an IndexedDB upgrade waits on another tab).
              silent.add(store);
              resolve(undefined);
            }, options.storeTimeoutMs ?? STORE_TIMEOUT_MS);
          }),
        ])
      : undefined;
  } catch {
    // IndexedDB missing, blocked, or over quota: the memory layer carries on alone.
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** Keeps an entry as the most recently used; drops expired ones and the least recently used. */
function remember(key: string, entry: MemoryEntry, ttlMs: number, now: number): void {
  memory.delete(key);
  memory.set(key, { ...entry, ttlMs });
  for (const [k, e] of memory) {
    if (memory.size > MEMORY_ENTRIES || !(now - e.savedAt < e.ttlMs)) memory.delete(k);
  }
}

async function fromStore(options: SpecCacheOptions, now: number): Promise<MemoryEntry | undefined> {
  const { key, specCacheTtlMs: ttlMs } = options;
  const value = await tryStore(options, (store) => store.get(key));
  if (value == null) return undefined;
  if (isCachedSpec(value)) {
    // Expired, or saved in the future (a clock set back): the download that follows overwrites it.
    if (!(now - value.savedAt < ttlMs && value.savedAt <= now)) return undefined;
    try {
      return { savedAt: value.savedAt, model: modelOfText(value.text, options.parse) };
    } catch {
      // Corrupt: discarded below, and downloaded again.
    }
  }
  await tryStore(options, (store) => store.del(key));
  return undefined;
}

async function download(options: SpecCacheOptions): Promise<MemoryEntry> {
  const text = await options.download();
  const savedAt = Date.now();
  // Normalized first: a spec that cannot be used is never stored.
  const entry: MemoryEntry = { savedAt, model: modelOfText(text, options.parse) };
  const record: CachedSpec = { format: "civis-spec-cache", version: 1, savedAt, text };
  await tryStore(options, (store) => store.set(options.key, record));
  return entry;
}

/**
 * The spec for a client: from memory, then the store, then a download that
 * concurrent callers with the same key share. Expired or forced: downloaded and
 * overwritten.
 */
export async function cachedModel(
  options: SpecCacheOptions,
): Promise<{ model: ApiModel; origin: SpecOrigin }> {
  const now = Date.now();
  const { key, specCacheTtlMs: ttlMs, forceRefresh: force } = options;
  const useMemory = options.specCache === "auto" || options.specCache === "memory";
  const alone = options.signal !== undefined || options.timeout !== undefined;
  const hit = useMemory && !force ? memory.get(key) : undefined;
  if (hit && now - hit.savedAt < ttlMs) {
    remember(key, hit, ttlMs, now);
    return { model: hit.model, origin: "memory" };
  }
  let origin: SpecOrigin = "store";
  let entry = force ? undefined : await fromStore(options, now);
  if (!entry) {
    origin = "download";
    let pending = alone ? undefined : inFlight.get(key);
    if (!pending) {
      pending = download(options);
      if (!alone) {
        inFlight.set(key, pending);
        pending.finally(() => inFlight.delete(key)).catch(() => {});
      }
    }
    entry = await pending;
  }
  if (useMemory) remember(key, entry, ttlMs, Date.now());
  return { model: entry.model, origin };
}

/** Tests: how many entries the memory layer holds. */
export function memorySpecCacheSize(): number {
  return memory.size;
}

/** Forgets every spec held in memory (tests, or a user who wants a clean slate). */
export function clearMemorySpecCache(): void {
  memory.clear();
  models.clear();
}
