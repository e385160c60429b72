import { normalizeSpec } from "../description/normalize.js";
import { parseSpecText } from "../description/parse-spec-text.js";
import type { ApiModel } from "../description/types.js";
import { type CachedSpec, isCachedSpec, type SpecStore } from "./spec-store.js";

/** Where a client's spec came from. */
export type SpecOrigin = "download" | "memory" | "store" | "local";

interface MemoryEntry {
  readonly savedAt: number;
  readonly model: ApiModel;
}

/** Shared by every client in this process or page, so a second client costs almost nothing. */
const memory = new Map<string, MemoryEntry>();
const inFlight = new Map<string, Promise<MemoryEntry>>();

export interface SpecCacheOptions {
  readonly key: string;
  readonly ttlMs: number;
  readonly force: boolean;
  /** Use the shared memory layer. */
  readonly useMemory: boolean;
  /** The persistent layer, if any (IndexedDB or the user's store). */
  readonly store: SpecStore | undefined;
  readonly download: () => Promise<string>;
}

async function tryStore<T>(action: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch {
    // IndexedDB missing, blocked, or over quota: the memory layer carries on alone.
    return undefined;
  }
}

async function fromStore(options: SpecCacheOptions, now: number): Promise<MemoryEntry | undefined> {
  const { store, key, ttlMs } = options;
  const value = await tryStore(() => store?.get(key));
  if (value == null) return undefined;
  if (isCachedSpec(value)) {
    // Expired, or saved in the future (a clock set back): the download that follows overwrites it.
    if (!(now - value.savedAt < ttlMs && value.savedAt <= now)) return undefined;
    try {
      return { savedAt: value.savedAt, model: normalizeSpec(parseSpecText(value.text)) };
    } catch {
      // Corrupt: discarded below, and downloaded again.
    }
  }
  await tryStore(() => store?.del(key));
  return undefined;
}

async function download(options: SpecCacheOptions): Promise<MemoryEntry> {
  const text = await options.download();
  const savedAt = Date.now();
  // Normalized first: a spec that cannot be used is never stored.
  const entry: MemoryEntry = { savedAt, model: normalizeSpec(parseSpecText(text)) };
  const record: CachedSpec = { format: "civis-spec-cache", version: 1, savedAt, text };
  await tryStore(() => options.store?.set(options.key, record));
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
  const { key, useMemory, force } = options;
  const hit = useMemory && !force ? memory.get(key) : undefined;
  if (hit && now - hit.savedAt < options.ttlMs) return { model: hit.model, origin: "memory" };
  let origin: SpecOrigin = "store";
  let entry = force ? undefined : await fromStore(options, now);
  if (!entry) {
    origin = "download";
    let pending = inFlight.get(key);
    if (!pending) {
      pending = download(options).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    entry = await pending;
  }
  if (useMemory) memory.set(key, entry);
  return { model: entry.model, origin };
}

/** Forgets every spec held in memory (tests, or a user who wants a clean slate). */
export function clearMemorySpecCache(): void {
  memory.clear();
}
