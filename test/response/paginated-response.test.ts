import { describe, expect, it } from "vitest";
import { type Page, PaginatedResponse } from "../../src/response/paginated-response.js";

interface Item {
  readonly id: number;
}

/** A local page function over fixed pages, recording which pages were asked for. */
function pager(pages: readonly (readonly Item[])[], totalPages?: number) {
  const asked: number[] = [];
  const fetchPage = async (pageNum: number): Promise<Page<Item>> => {
    asked.push(pageNum);
    const items = pages[pageNum - 1] ?? [];
    return { items, plain: () => items.map((item) => ({ ...item, plain: true })), totalPages };
  };
  return { asked, fetchPage };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("PaginatedResponse", () => {
  it("asks for nothing until iterated", () => {
    const { asked, fetchPage } = pager([[{ id: 1 }]]);
    new PaginatedResponse(fetchPage);
    expect(asked).toEqual([]);
  });

  it("requests page 1, 2, ... and stops at an empty page", async () => {
    const { asked, fetchPage } = pager([[{ id: 1 }, { id: 2 }], [{ id: 3 }]]);
    const items = await collect(new PaginatedResponse(fetchPage));
    expect(items.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("stops at the total page count without an extra request", async () => {
    const { asked, fetchPage } = pager([[{ id: 1 }], [{ id: 2 }], [{ id: 3 }]], 2);
    const items = await collect(new PaginatedResponse(fetchPage));
    expect(items.map((i) => i.id)).toEqual([1, 2]);
    expect(asked).toEqual([1, 2]);
  });

  it("makes one request for an empty list", async () => {
    const { asked, fetchPage } = pager([]);
    expect(await collect(new PaginatedResponse(fetchPage))).toEqual([]);
    expect(asked).toEqual([1]);
  });

  it("stops an empty first page even when a total is sent", async () => {
    const { asked, fetchPage } = pager([], 0);
    expect(await collect(new PaginatedResponse(fetchPage))).toEqual([]);
    expect(asked).toEqual([1]);
  });

  it("stops requesting when the loop breaks", async () => {
    const { asked, fetchPage } = pager([[{ id: 1 }, { id: 2 }], [{ id: 3 }]]);
    for await (const item of new PaginatedResponse(fetchPage)) {
      if (item.id === 1) break;
    }
    expect(asked).toEqual([1]);
  });

  it("json() resolves to the plain items of every page", async () => {
    const { asked, fetchPage } = pager([[{ id: 1 }], [{ id: 2 }]]);
    expect(await new PaginatedResponse(fetchPage).json()).toEqual([
      { id: 1, plain: true },
      { id: 2, plain: true },
    ]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("rejects with a page's error", async () => {
    const failing = new PaginatedResponse<Item>(async (pageNum) => {
      if (pageNum === 2) throw new Error("page 2 failed");
      return { items: [{ id: 1 }], plain: () => [], totalPages: undefined };
    });
    await expect(collect(failing)).rejects.toThrow("page 2 failed");
  });

  it("starts again from page 1 on each iteration", async () => {
    const { asked, fetchPage } = pager([[{ id: 1 }]], 1);
    const paginated = new PaginatedResponse(fetchPage);
    await collect(paginated);
    await collect(paginated);
    expect(asked).toEqual([1, 1]);
  });

  it("says what it is", () => {
    const { fetchPage } = pager([]);
    expect(Object.prototype.toString.call(new PaginatedResponse(fetchPage))).toBe(
      "[object PaginatedResponse]",
    );
  });

  it("is not thenable, so it is returned at once", () => {
    const { fetchPage } = pager([]);
    expect("then" in new PaginatedResponse(fetchPage)).toBe(false);
  });
});
