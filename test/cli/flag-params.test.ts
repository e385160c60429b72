import { describe, expect, it } from "vitest";
import { paramsFromFlags, paramsFromJsonBody } from "../../src/cli/flag-params.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { normalizeSpec } from "../../src/description/normalize.js";
import { operationDetail } from "../../src/description/operation-detail.js";

function detailOf(parameters: object[]) {
  const model = normalizeSpec({
    swagger: "2.0",
    paths: { "/things": { post: { parameters, responses: { 200: { description: "ok" } } } } },
  });
  const op = model.resources.get("things")!.operations()[0]!;
  return operationDetail(op);
}

describe("paramsFromFlags", () => {
  const detail = detailOf([
    { name: "name", in: "query", type: "string" },
    { name: "limit", in: "query", type: "integer" },
    { name: "tags", in: "query", type: "array", items: { type: "string" } },
  ]);

  it("reads JSON where it parses, text where the spec wants text", () => {
    const flags = new Map<string, (string | true)[]>([
      ["name", ["007"]],
      ["limit", ["5"]],
      ["other", ["{not json"]],
      ["flag", [true]],
    ]);
    expect(paramsFromFlags(flags, detail)).toEqual({
      name: "007",
      limit: 5,
      other: "{not json",
      flag: true,
    });
  });

  it("gives arrays for repeated flags and array parameters; items keep their type", () => {
    expect(paramsFromFlags(new Map([["tags", ["1"]]]), detail)).toEqual({ tags: ["1"] });
    expect(paramsFromFlags(new Map([["limit", ["1", "2"]]]), detail)).toEqual({ limit: [1, 2] });
  });

  it("refuses a number parameter given without a value, or with one that is not a number", () => {
    const numbers = detailOf([
      { name: "limit", in: "query", type: "integer" },
      { name: "ratio", in: "query", type: "number" },
      { name: "ids", in: "query", type: "array", items: { type: "integer" } },
      { name: "archived", in: "query", type: "boolean" },
    ]);
    const read = (name: string, ...values: (string | true)[]) =>
      paramsFromFlags(new Map([[name, values]]), numbers);
    expect(() => read("limit", true)).toThrow(new UsageError("--limit needs a value (an integer)"));
    expect(() => read("limit", "abc")).toThrow(
      new UsageError("--limit must be an integer, got abc"),
    );
    expect(() => read("limit", "1.5")).toThrow(/--limit must be an integer, got 1.5/);
    expect(() => read("ratio", "x")).toThrow(/--ratio must be a number, got x/);
    expect(() => read("ids", "1", "two")).toThrow(/--ids must be an integer, got two/);
    expect(read("ratio", "0.5")).toEqual({ ratio: 0.5 });
    expect(read("ids", "[1, 2]")).toEqual({ ids: [1, 2] });
    expect(read("archived", true)).toEqual({ archived: true });
    expect(read("unknown", true)).toEqual({ unknown: true });
  });

  it("refuses one parameter given in two spellings", () => {
    const flags = new Map([
      ["page-num", ["1"]],
      ["page_num", ["2"]],
    ]);
    expect(() => paramsFromFlags(flags, detail)).toThrow(/--page_num is given twice/);
  });
});

describe("paramsFromJsonBody", () => {
  it("takes an object of parameters", () => {
    expect(paramsFromJsonBody('{"a": 1}', detailOf([]))).toEqual({ a: 1 });
    expect(() => paramsFromJsonBody("[1]", detailOf([]))).toThrow(UsageError);
  });

  it("takes any JSON for a body that is one value", () => {
    const whole = detailOf([
      { name: "items", in: "body", required: true, schema: { type: "array" } },
    ]);
    expect(paramsFromJsonBody("[1, 2]", whole)).toEqual({ items: [1, 2] });
  });
});
