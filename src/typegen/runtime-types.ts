// The generic types a file written by `civis typegen` is built from. They add
// field types to the runtime classes without changing them: a client typed with
// a generated API returns the same objects as an untyped one.

import type { ListResponse } from "../response/list-response.js";
import type { PaginatedResponse } from "../response/paginated-response.js";
import type { Response } from "../response/response.js";

/**
 * The members every `Response` has, without its index signature: a typed answer
 * lists its fields, so a misspelled one (`w.createdAt`) is a type error.
 */
export type ResponseMembers = Pick<
  Response,
  "json_data" | "headers" | "calls_remaining" | "rate_limit" | "get" | "json"
>;

/**
 * A `Response` whose snake_case fields are typed: `TypedResponse<{ id: number }>`.
 * The members of `Response` (`json_data`, `headers`, `get`, `json`...) keep their types;
 * a field the spec does not list is a type error: read it with `get("field")`, or see `Loose`.
 */
export type TypedResponse<Fields extends object> = Readonly<Fields> & ResponseMembers;

/**
 * A typed answer that also reads fields the spec does not list, as `unknown`, and is
 * assignable to `Response`: `(workflow as Loose<Workflow>).beta_field`.
 */
export type Loose<T> = T & Response;

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
