/** One page as the client fetched it: its items (already converted) and the total page count if the API sent one. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Plain copies of the items, for `json()`: made only when asked for. */
  plain(): readonly unknown[];
  readonly totalPages: number | undefined;
}

/**
 * Every item of a paginated list, fetched page by page as you iterate:
 * `for await (const workflow of client.workflows.list({ iterator: true }))`.
 * Stops at an empty page, or at `X-Pagination-Total-Pages` without an extra request.
 */
export class PaginatedResponse<T = unknown> implements AsyncIterable<T> {
  readonly #fetchPage: (pageNum: number) => Promise<Page<T>>;

  /** @param fetchPage requests page `pageNum` (1-based) */
  constructor(fetchPage: (pageNum: number) => Promise<Page<T>>) {
    this.#fetchPage = fetchPage;
  }

  async *#pages(): AsyncGenerator<Page<T>, void, undefined> {
    for (let pageNum = 1; ; pageNum++) {
      const page = await this.#fetchPage(pageNum);
      if (page.items.length === 0) return;
      yield page;
      // Stryker disable next-line ConditionalExpression: equivalent; `pageNum >= undefined` is false
      if (page.totalPages !== undefined && pageNum >= page.totalPages) return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.#pages()) yield* page.items;
  }

  /** All items of all pages as plain objects (snake_case keys by default). */
  async json(): Promise<unknown[]> {
    const all: unknown[] = [];
    for await (const page of this.#pages()) all.push(...page.plain());
    return all;
  }

  get [Symbol.toStringTag](): string {
    return "PaginatedResponse";
  }
}
