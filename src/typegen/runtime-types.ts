// The generic types a file written by `civis typegen` is built from. They add
// field types to the runtime classes without changing them: a client typed with
// a generated API returns the same objects as an untyped one.

import type { ListResponse } from "../response/list-response.js";
import type { PaginatedResponse } from "../response/paginated-response.js";
import type { Response } from "../response/response.js";

/**
 * A `Response` whose snake_case fields are typed: `TypedResponse<{ id: number }>`.
 * The members of `Response` (`json_data`, `headers`, `get`, `json`...) keep their types.
 */
export type TypedResponse<Fields extends object> = Readonly<Fields> & Response;

/** The members a `ListResponse` adds to its array of items. */
type ListMembers = Pick<
  ListResponse,
  "headers" | "json_data" | "calls_remaining" | "rate_limit" | "json"
>;

/**
 * A `ListResponse` whose items are typed: indexing, `for...of` and array methods
 * see `Item`. It is read-only, as the runtime list is frozen.
 */
export type TypedListResponse<Item = Response> = ReadonlyArray<Item> & ListMembers;

/** A `PaginatedResponse` (`iterator: true`) whose items are typed. */
export type TypedPaginatedResponse<Item = Response> = PaginatedResponse<Item>;
