import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CivisNetworkError, ListResponse, PaginatedResponse, Response } from "../../src/index.js";
import type { Handler } from "../helpers/http-server.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { fixtureClient } from "./fixture-client.js";

const items = [1, 2, 3, 4, 5].map((id) => ({ id, createdAt: `2024-01-0${id}` }));

/** Pages of `items` by `limit` and `page_num`, with or without a total-pages header. */
function pages(withTotal: boolean): Handler {
  return (req, res) => {
    const query = new URL(req.url, server.url).searchParams;
    const limit = Number(query.get("limit") ?? 2);
    const page = Number(query.get("page_num") ?? 1);
    const headers: Record<string, string> = withTotal
      ? { "X-Pagination-Total-Pages": String(Math.ceil(items.length / limit)) }
      : {};
    sendJson(res, 200, items.slice((page - 1) * limit, page * limit), headers);
  };
}

function pageNums(): number[] {
  return server.requests.map((r) =>
    Number(new URL(r.url, server.url).searchParams.get("page_num")),
  );
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

describe("iterator: true", () => {
  it("returns a PaginatedResponse at once, not a promise, before any request", () => {
    server.handle(pages(false));
    const result = fixtureClient(server).workflows.list({ iterator: true, limit: 2 });
    expect(result).toBeInstanceOf(PaginatedResponse);
    expect("then" in result).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it("requests page_num 1, 2, ... until a page comes back empty", async () => {
    server.handle(pages(false));
    const seen: unknown[] = [];
    for await (const item of fixtureClient(server).workflows.list({ iterator: true, limit: 2 })) {
      expect(item).toBeInstanceOf(Response);
      seen.push((item as Response).created_at);
    }
    expect(seen).toEqual(items.map((i) => i.createdAt));
    expect(pageNums()).toEqual([1, 2, 3, 4]);
    for (const req of server.requests) {
      const query = new URL(req.url, server.url).searchParams;
      expect(query.get("limit")).toBe("2");
      expect(query.has("iterator")).toBe(false);
    }
  });

  it("stops at X-Pagination-Total-Pages without an extra request", async () => {
    server.handle(pages(true));
    const ids: unknown[] = [];
    for await (const item of fixtureClient(server).workflows.list({ iterator: true, limit: 2 })) {
      ids.push((item as Response).id);
    }
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(pageNums()).toEqual([1, 2, 3]);
  });

  it.each(["-1", "1.5", "2 pages", ""])(
    "ignores an X-Pagination-Total-Pages of %j and reads to the empty page",
    async (total) => {
      server.handle((req, res) => {
        const page = Number(new URL(req.url, server.url).searchParams.get("page_num"));
        const headers = { "X-Pagination-Total-Pages": total };
        sendJson(res, 200, items.slice((page - 1) * 2, page * 2), headers);
      });
      const all = await fixtureClient(server).workflows.list({ iterator: true, limit: 2 }).json();
      expect(all).toHaveLength(5);
      expect(pageNums()).toEqual([1, 2, 3, 4]);
    },
  );

  it("replaces a page_num the caller gave, and works for a sub-resource with a path parameter", async () => {
    server.handle(pages(true));
    const all = await fixtureClient(server)
      .workflows.list_executions(9, { iterator: true, limit: 3, page_num: 7 })
      .json();
    expect(all).toHaveLength(5);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/workflows/9/executions?limit=3&page_num=1",
      "/workflows/9/executions?limit=3&page_num=2",
    ]);
  });

  it("sets client.last_response to each page as it comes", async () => {
    server.handle(pages(true));
    const client = fixtureClient(server);
    const seen: unknown[] = [];
    for await (const item of client.workflows.list({ iterator: true, limit: 2 })) {
      seen.push(client.last_response);
      expect(client.last_response).toContain(item);
    }
    const last = client.last_response as ListResponse;
    expect(last).toBeInstanceOf(ListResponse);
    expect(last.map((r) => r.id)).toEqual([5]);
    expect(new Set(seen).size).toBe(3);
  });

  it('keeps the fetch Response of the last page as last_response with returnType "raw"', async () => {
    server.handle(pages(true));
    const client = fixtureClient(server, { returnType: "raw" });
    await client.workflows.list({ iterator: true, limit: 2 }).json();
    const last = client.last_response as globalThis.Response;
    expect(last).toBeInstanceOf(globalThis.Response);
    expect(last.url).toMatch(/page_num=3$/);
  });

  it("json() resolves to every item as plain snake_case objects", async () => {
    server.handle(pages(false));
    const all = await fixtureClient(server).workflows.list({ iterator: true, limit: 2 }).json();
    expect(all).toEqual(items.map(({ id, createdAt }) => ({ id, created_at: createdAt })));
    expect(all[0]).not.toBeInstanceOf(Response);
  });

  it("passes init.signal to every page: aborting while page 2 is in flight ends the iteration", async () => {
    let pageTwoArrived!: () => void;
    const arrived = new Promise<void>((resolve) => {
      pageTwoArrived = resolve;
    });
    const answerPages = pages(false);
    server.handle((req, res) => {
      // Page 2 is never answered: only the abort can end that request.
      if (req.url.includes("page_num=2")) pageTwoArrived();
      else answerPages(req, res);
    });
    const controller = new AbortController();
    const client = fixtureClient(server, { retries: { maxAttempts: 5, backoff: () => 0 } });
    const iterator = client.workflows.list(
      { iterator: true, limit: 2 },
      { signal: controller.signal },
    );
    const seen: unknown[] = [];
    const done = (async () => {
      for await (const item of iterator) seen.push((item as Response).id);
    })();
    await arrived;
    controller.abort();
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisNetworkError);
    expect((error as CivisNetworkError).aborted).toBe(true);
    expect(seen).toEqual([1, 2]);
    expect(pageNums()).toEqual([1, 2]);
  });
});
