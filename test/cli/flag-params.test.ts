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
