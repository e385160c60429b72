import { describe, expect, it } from "vitest";
import { formatResult } from "../../src/cli/format-result.js";
import { formatTable } from "../../src/cli/format-table.js";
import { ListResponse } from "../../src/response/list-response.js";
import { Response } from "../../src/response/response.js";

const item = (id: number, name: string) => new Response({ id, userName: name, nested: { a: 1 } });

describe("formatResult", () => {
  const list = ListResponse.create(
    [item(1, "ada"), item(2, "bo")],
    [
      { id: 1, userName: "ada", nested: { a: 1 } },
      { id: 2, userName: "bo", nested: { a: 1 } },
    ],
    null,
  );

  it("json: pretty, with snake_case keys", () => {
    expect(formatResult(item(1, "ada"), "json")).toBe(
      '{\n  "id": 1,\n  "user_name": "ada",\n  "nested": {\n    "a": 1\n  }\n}',
    );
  });

  it("raw: the body as the API sent it, on one line", () => {
    expect(formatResult(list, "raw")).toBe(
      '[{"id":1,"userName":"ada","nested":{"a":1}},{"id":2,"userName":"bo","nested":{"a":1}}]',
    );
  });

  it("table: one row per item", () => {
    expect(formatResult(list, "table")).toBe(
      [
        "id  user_name  nested",
        "--  ---------  -------",
        '1   ada        {"a":1}',
        '2   bo         {"a":1}',
      ].join("\n"),
    );
  });

  it("an iterator's items (an array of Responses) print like a list", () => {
    expect(formatResult([item(1, "ada")], "raw")).toBe(
      '[{"id":1,"userName":"ada","nested":{"a":1}}]',
    );
  });

  it("prints nothing for an empty answer", () => {
    expect(formatResult(new Response(null, null), "json")).toBeUndefined();
  });
});

describe("formatTable", () => {
  it("lays one object out as field / value rows", () => {
    expect(formatTable({ id: 1, name: null })).toBe("field  value\n-----  -----\nid     1\nname");
  });

  it("takes columns in order of first appearance, and cuts long cells", () => {
    const table = formatTable([{ a: 1 }, { b: "x".repeat(60), a: 2 }]);
    const [header, , first, second] = table.split("\n");
    expect(header).toBe("a  b");
    expect(first).toBe("1");
    expect(second).toBe(`2  ${"x".repeat(39)}…`);
  });

  it("writes plain values one per row, and says when a list is empty", () => {
    expect(formatTable(["main", "dev"])).toBe("value\n-----\nmain\ndev");
    expect(formatTable([])).toBe("(no items)");
  });
});
