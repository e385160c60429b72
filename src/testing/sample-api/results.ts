import { badRequest, notFound } from "./api-error.js";
import type { HandlerResult } from "./area.js";
import type { Json, JsonObject } from "./json.js";

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;

export const isoAt = (ms: number): string => new Date(ms).toISOString();
export const ok = (body: Json): HandlerResult => ({ status: 200, body });
export const created = (body: Json): HandlerResult => ({ status: 201, body });
export const noContent = (): HandlerResult => ({ status: 204 });

/** The record of `id` in `collection`, or the API's 404. */
export function find<T>(collection: ReadonlyMap<number, T>, id: number | string | undefined): T {
  const record = collection.get(Number(id));
  if (!record) throw notFound();
  return record;
}

const camelCase = (snake: string): string =>
  snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return (a as string | number) < (b as string | number) ? -1 : 1;
}

/** Records sorted by a snake_case `order` key as the API's `order` / `order_dir` do; id breaks ties. */
export function sortRecords<T extends { id: number }>(
  records: Iterable<T>,
  order: unknown = "id",
  direction: unknown = "desc",
): T[] {
  const key = camelCase(String(order));
  const sign = direction === "asc" ? 1 : -1;
  const field = (record: T) => (record as Record<string, unknown>)[key];
  return [...records].sort((a, b) => sign * (compare(field(a), field(b)) || compare(a.id, b.id)));
}

/** One page of `records` with the API's `X-Pagination-*` headers. */
export function paginate<T>(
  records: readonly T[],
  query: Readonly<Record<string, unknown>>,
  view: (record: T) => JsonObject,
): HandlerResult {
  const perPage = Math.min(Number(query.limit ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const page = Number(query.page_num ?? 1);
  if (perPage < 1) throw badRequest("limit must be at least 1.");
  if (page < 1) throw badRequest("page_num must be at least 1.");
  const total = records.length;
  return {
    status: 200,
    body: records.slice((page - 1) * perPage, page * perPage).map(view),
    headers: {
      "X-Pagination-Current-Page": String(page),
      "X-Pagination-Per-Page": String(perPage),
      "X-Pagination-Total-Entries": String(total),
      "X-Pagination-Total-Pages": String(Math.ceil(total / perPage)),
    },
  };
}
