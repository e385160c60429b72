import { describe, expect, it } from "vitest";
import { find, findOne } from "../../src/response/find.js";
import { Response } from "../../src/response/response.js";

const workflows = [
  new Response({ id: 1, name: "a", archived: false, lastRun: { state: "succeeded" } }),
  new Response({ id: 2, name: "b", archived: true, lastRun: null }),
  new Response({ id: 3, name: "a", archived: "", createdAt: "2024" }),
];
const ids = (list: readonly Response[]): unknown[] => list.map((r) => r.id);

describe("find", () => {
  it("`true` keeps items where the property is present and truthy", () => {
    expect(ids(find(workflows, { archived: true }))).toEqual([2]);
    expect(ids(find(workflows, { last_run: true }))).toEqual([1]);
    expect(ids(find(workflows, { created_at: true }))).toEqual([3]);
  });

  it("a function is a predicate on the property", () => {
    expect(ids(find(workflows, { id: (v) => (v as number) >= 2 }))).toEqual([2, 3]);
    expect(ids(find(workflows, { created_at: (v) => v === undefined }))).toEqual([1, 2]);
  });

  it("any other value must be equal", () => {
    expect(ids(find(workflows, { name: "a" }))).toEqual([1, 3]);
    expect(ids(find(workflows, { archived: false }))).toEqual([1]);
    expect(ids(find(workflows, { last_run: null }))).toEqual([2]);
    expect(ids(find(workflows, { id: "1" }))).toEqual([]);
  });

  it("needs every filter to match", () => {
    expect(ids(find(workflows, { name: "a", archived: false }))).toEqual([1]);
  });

  it("takes either spelling of a Response's keys", () => {
    expect(ids(find(workflows, { createdAt: "2024" }))).toEqual([3]);
    expect(ids(find(workflows, { lastRun: true }))).toEqual([1]);
  });

  it("keeps everything without filters", () => {
    expect(ids(find(workflows))).toEqual([1, 2, 3]);
    expect(ids(find(workflows, {}))).toEqual([1, 2, 3]);
  });

  it("takes a predicate on the whole item in place of filters, as civis-python's filter_func", () => {
    // A function has no keys: read as property filters, it kept every item.
    expect(ids(find(workflows, (w) => w.name === "a" && w.id !== 1))).toEqual([3]);
    expect(ids(find(workflows, (w) => w.get("last_run")))).toEqual([1]);
    expect(find(workflows, () => false)).toEqual([]);
  });

  it("works on plain objects, reading own properties only", () => {
    const plain = [{ id: 1, name: "x" }, { id: 2 }];
    expect(find(plain, { name: "x" })).toEqual([{ id: 1, name: "x" }]);
    expect(find(plain, { toString: true })).toEqual([]);
  });

  it("takes any iterable and returns a new array", () => {
    const set = new Set(workflows);
    expect(ids(find(set, { name: "b" }))).toEqual([2]);
    expect(find(workflows)).not.toBe(workflows);
  });
});

describe("findOne", () => {
  it("gives the first match", () => {
    expect(findOne(workflows, { name: "a" })?.id).toBe(1);
    expect(findOne(workflows, { archived: true })?.id).toBe(2);
  });

  it("takes a predicate on the whole item too", () => {
    expect(findOne(workflows, (w) => w.archived === true)?.id).toBe(2);
    expect(findOne(workflows, () => false)).toBeUndefined();
  });

  it("gives undefined when nothing matches", () => {
    expect(findOne(workflows, { name: "zzz" })).toBeUndefined();
    expect(findOne([], {})).toBeUndefined();
  });
});
