import { describe, expect, it } from "vitest";
import { encodePathParam } from "../../src/http/encode-path.js";

const encode = (value: unknown): string => encodePathParam("workflows.get()", "id", value);

describe("encodePathParam", () => {
  it.each([
    [1, "1"],
    [0, "0"],
    [12n, "12"],
    ["abc", "abc"],
    ["a/b", "a%2Fb"],
    ["a b", "a%20b"],
    ["?#&", "%3F%23%26"],
    ["é", "%C3%A9"],
    ["%2F", "%252F"],
    ["...", "..."],
    [".a", ".a"],
    ["a..", "a.."],
    ["%zz", "%25zz"],
  ])("%s -> %s", (value, expected) => {
    expect(encode(value)).toBe(expected);
  });

  it.each([".", "..", "%2e", "%2E", "%2e%2e", ".%2e", "%2e.", "%252e%252e", "%25252e"])(
    "refuses %j, which the URL parser would collapse",
    (value) => {
      expect(() => encode(value)).toThrow(TypeError);
      expect(() => encode(value)).toThrow(/the path parameter "id" may not be "\." or "\.\."/);
    },
  );

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a boolean", false],
    ["an object", { id: 1 }],
    ["a symbol", Symbol("x")],
  ])("refuses %s", (_label, value) => {
    expect(() => encode(value)).toThrow(TypeError);
    expect(() => encode(value)).toThrow(/must be a string or a number/);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "refuses %s, which would be sent as a word",
    (value) => {
      expect(() => encode(value)).toThrow(TypeError);
      expect(() => encode(value)).toThrow(/must be a finite number/);
    },
  );

  it("refuses an empty string, which would change the path", () => {
    expect(() => encode("")).toThrow(/is empty/);
  });
});
