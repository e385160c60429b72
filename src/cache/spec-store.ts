/**
 * Where downloaded specs are kept: three verbs, like idb-keyval. Values are
 * `CachedSpec` records; a store may be async or not.
 */
export interface SpecStore {
  get(key: string): unknown | Promise<unknown>;
  set(key: string, value: CachedSpec): void | Promise<void>;
  del(key: string): void | Promise<void>;
}

/** What the cache keeps: the spec's JSON text, and when it was downloaded. */
export interface CachedSpec {
  readonly format: "civis-spec-cache";
  readonly version: 1;
  /** ms since the epoch of the download. */
  readonly savedAt: number;
  readonly text: string;
}

export function isCachedSpec(value: unknown): value is CachedSpec {
  const v = value as Record<string, unknown> | null;
  return (
    typeof v === "object" &&
    v?.format === "civis-spec-cache" &&
    v.version === 1 &&
    typeof v.savedAt === "number" &&
    typeof v.text === "string"
  );
}
