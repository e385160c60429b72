/**
 * The sample API's live records. Each area adds its own collections to this interface (by
 * declaration merging, `declare module "../store.js"`) and fills them in its `seed`, so an
 * area is one file that owns its data, spec and handlers.
 */
export interface SampleData {
  /** The user that `users/me` answers with, and that owns what the API creates. */
  currentUserId: number;
  /** The next id per collection, by collection name. */
  nextId: Record<string, number>;
}

export const byId = <T extends { id: number }>(records: readonly T[]): Map<number, T> =>
  new Map(records.map((record) => [record.id, record]));

/** The next id of a collection: one past the largest seeded. */
export const nextAfter = (map: ReadonlyMap<number, unknown>): number =>
  Math.max(0, ...map.keys()) + 1;

/** Takes the next id of `collection` and counts it. */
export function takeId(data: SampleData, collection: string): number {
  const id = data.nextId[collection] ?? 1;
  data.nextId[collection] = id + 1;
  return id;
}
