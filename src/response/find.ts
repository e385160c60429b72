/** A filter value: `true` means present and truthy; a function is a predicate; anything else must be equal. */
export type FindFilter = boolean | ((value: unknown) => boolean) | string | number | null;

function propertyOf(item: unknown, key: string): unknown {
  if (typeof item !== "object" || item === null) return undefined;
  const getter = (item as { get?: unknown }).get;
  if (typeof getter === "function") return (getter as (k: string) => unknown).call(item, key);
  return Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
}

/** Property filters, or one predicate on the whole item (civis-python's `filter_func`). */
export type FindFilters<T> = Readonly<Record<string, FindFilter>> | ((item: T) => unknown);

function matches<T>(item: T, filters: FindFilters<T>): boolean {
  // A function has no own keys: read as property filters it would keep every item.
  if (typeof filters === "function") return Boolean(filters(item));
  return Object.keys(filters).every((key) => {
    const want = filters[key];
    const have = propertyOf(item, key);
    if (typeof want === "function") return want(have);
    return want === true ? Boolean(have) : have === want;
  });
}

/** The items whose properties match every filter, as civis-python's `civis.find`. */
export function find<T>(list: Iterable<T>, filters: FindFilters<T> = {}): T[] {
  return [...list].filter((item) => matches(item, filters));
}

/** The first item that matches every filter, or undefined. */
export function findOne<T>(list: Iterable<T>, filters: FindFilters<T> = {}): T | undefined {
  for (const item of list) if (matches(item, filters)) return item;
  return undefined;
}
