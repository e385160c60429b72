import { describe, expect, it } from "vitest";
import { CivisAPIError } from "../../src/errors/civis-api-error.js";
import type { RequestSpec } from "../../src/http/request-spec.js";
import { ListResponse } from "../../src/response/list-response.js";
import { readJson, toSnakeResult } from "../../src/response/read-result.js";
import { Response } from "../../src/response/response.js";

const req: RequestSpec = {
  method: "GET",
  target: "/workflows",
  headers: {},
  body: undefined,
  signal: undefined,
  timeout: undefined,
};

/** A fetch Response made locally (the body comes read, as text): parsing needs no request. */
const response = (status: number) => new globalThis.Response(null, { status });

describe("readJson", () => {
  it("parses a JSON body", async () => {
    expect(readJson(response(200), '{"a": [1]}', req)).toEqual({ a: [1] });
    expect(readJson(response(200), "[]", req)).toEqual([]);
  });

  it("gives null for an empty body", async () => {
    expect(readJson(response(204), "", req)).toBeNull();
    expect(readJson(response(200), "  \n", req)).toBeNull();
  });

  it("rejects a body that is not JSON with an error that says so, with the status", async () => {
    let error: unknown;
    try {
      readJson(response(200), "<html>oops</html>", req);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CivisAPIError);
    expect((error as CivisAPIError).status_code).toBe(200);
    expect((error as CivisAPIError).message).toBe(
      "(200) The response body is not valid JSON (GET /workflows)",
    );
  });
});

describe("toSnakeResult", () => {
  it("freezes json_data all the way down, as read-only as the Response", () => {
    const body = { a: { b: [{ c: 1 }] }, list: [[1]] };
    const result = toSnakeResult(body, new Headers()) as Response;
    expect(result.json_data).toBe(body);
    expect(Object.isFrozen(body)).toBe(true);
    expect(Object.isFrozen(body.a)).toBe(true);
    expect(Object.isFrozen(body.a.b)).toBe(true);
    expect(Object.isFrozen(body.a.b[0])).toBe(true);
    expect(Object.isFrozen(body.list[0])).toBe(true);
    const list = [{ d: { e: 1 } }];
    toSnakeResult(list, new Headers());
    expect(Object.isFrozen(list[0]!.d)).toBe(true);
  });

  const headers = new Headers();

  it("gives a Response for an object, a ListResponse for an array", () => {
    expect(toSnakeResult({ a: 1 }, headers)).toBeInstanceOf(Response);
    expect(toSnakeResult([{ a: 1 }], headers)).toBeInstanceOf(ListResponse);
  });

  it("gives a Response with json_data null for an empty body", () => {
    const empty = toSnakeResult(null, headers) as Response;
    expect(empty).toBeInstanceOf(Response);
    expect(empty.json_data).toBeNull();
    expect(empty.headers).toBe(headers);
  });

  it("gives other JSON values as they are", () => {
    expect(toSnakeResult("text", headers)).toBe("text");
    expect(toSnakeResult(3, headers)).toBe(3);
    expect(toSnakeResult(true, headers)).toBe(true);
  });
});
