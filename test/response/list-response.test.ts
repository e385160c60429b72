import { describe, expect, it } from "vitest";
import { ListResponse } from "../../src/response/list-response.js";
import { toSnakeResult } from "../../src/response/read-result.js";
import { Response } from "../../src/response/response.js";

const sent = [
  { id: 1, createdAt: "a", schedule: { scheduledDays: [1] } },
  { id: 2, createdAt: "b", arguments: { myArg: 1 } },
];
const headers = new Headers({ "X-RateLimit-Remaining": "4", "X-RateLimit-Limit": "5" });

function list(): ListResponse {
  const result = toSnakeResult(structuredClone(sent), headers);
  if (!(result instanceof ListResponse)) throw new Error("not a ListResponse");
  return result;
}

describe("ListResponse", () => {
  it("is an array of Responses", () => {
    const items = list();
    expect(Array.isArray(items)).toBe(true);
    expect(items).toHaveLength(2);
    expect(items[0]).toBeInstanceOf(Response);
    expect(items.map((r) => r.created_at)).toEqual(["a", "b"]);
    expect((items[0]!.schedule as Response).scheduled_days).toEqual([1]);
    expect((items[1]!.arguments as Response).myArg).toBe(1);
  });

  it("gives plain arrays from array methods", () => {
    const items = list();
    const ids = items.map((r) => r.id);
    expect(ids).toEqual([1, 2]);
    expect(ids).not.toBeInstanceOf(ListResponse);
    expect(items.filter((r) => r.id === 2)).not.toBeInstanceOf(ListResponse);
  });

  it("is read-only", () => {
    const items = list();
    expect(() => {
      (items as unknown as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (items as unknown as unknown[])[0] = {};
    }).toThrow(TypeError);
    expect(() => {
      (items as unknown as { length: number }).length = 0;
    }).toThrow(TypeError);
    expect(() => {
      (items[0] as unknown as Record<string, unknown>).id = 9;
    }).toThrow(TypeError);
  });

  it("carries the headers, calls_remaining and rate_limit", () => {
    const items = list();
    expect(items.headers).toBe(headers);
    expect(items.calls_remaining).toBe(4);
    expect(items.rate_limit).toBe(5);
  });

  it("json() gives a plain deep copy, snake_case by default", () => {
    const items = list();
    const copy = items.json();
    expect(copy).toEqual([
      { id: 1, created_at: "a", schedule: { scheduled_days: [1] } },
      { id: 2, created_at: "b", arguments: { myArg: 1 } },
    ]);
    expect(Array.isArray(copy)).toBe(true);
    expect(copy).not.toBeInstanceOf(ListResponse);
    expect(items.json(false)).toEqual(sent);
    expect(items.json(false)).not.toBe(items.json_data);
  });

  it("keeps json_data as sent", () => {
    expect(list().json_data).toEqual(sent);
  });

  it("comes from an empty array too", () => {
    const empty = toSnakeResult([], new Headers());
    expect(empty).toBeInstanceOf(ListResponse);
    expect(empty).toHaveLength(0);
  });

  it("keeps array items that are not objects as they are", () => {
    const items = toSnakeResult(["main", "dev"], new Headers()) as ListResponse;
    expect([...items]).toEqual(["main", "dev"]);
  });
});
