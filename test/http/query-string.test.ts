import { describe, expect, it } from "vitest";
import { queryString } from "../../src/http/query-string.js";

describe("queryString", () => {
  it("is empty without parameters", () => {
    expect(queryString([])).toBe("");
    expect(queryString([["a", undefined]])).toBe("");
  });

  it("sends arrays as `name[]=a&name[]=b` (the Civis convention)", () => {
    const query = queryString([["name", ["a", "b"]]]);
    expect(query).toBe("?name%5B%5D=a&name%5B%5D=b");
    expect(decodeURIComponent(query)).toBe("?name[]=a&name[]=b");
  });

  it("leaves out undefined and null (civis-python drops None), in arrays too, and keeps false and 0", () => {
    expect(
      queryString([
        ["a", undefined],
        ["b", 0],
        ["c", false],
        ["d", null],
        ["e", [1, undefined, null, 2]],
      ]),
    ).toBe("?b=0&c=false&e%5B%5D=1&e%5B%5D=2");
  });

  it("keeps the order given", () => {
    expect(
      queryString([
        ["z", 1],
        ["a", 2],
      ]),
    ).toBe("?z=1&a=2");
  });

  it("percent-encodes names and values", () => {
    expect(queryString([["a b", "x&y=z/#?"]])).toBe("?a%20b=x%26y%3Dz%2F%23%3F");
    expect(queryString([["q", "é"]])).toBe("?q=%C3%A9");
  });

  it("sends dates as ISO strings and objects as JSON", () => {
    expect(queryString([["at", new Date(0)]])).toBe(
      `?at=${encodeURIComponent("1970-01-01T00:00:00.000Z")}`,
    );
    expect(queryString([["o", { a: 1 }]])).toBe(`?o=${encodeURIComponent('{"a":1}')}`);
  });

  it("sends an empty array as nothing", () => {
    expect(queryString([["tags", []]])).toBe("");
  });
});
