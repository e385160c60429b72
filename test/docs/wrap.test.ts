import { describe, expect, it } from "vitest";
import { wrap } from "../../src/docs/wrap.js";

const words =
  "Number of results to return. Defaults to 20. Maximum allowed is 50. Use it with page_num to walk every page of a long list of workflows.";

describe("wrap", () => {
  it("fills lines up to 79 columns, indent included", () => {
    const text = wrap(words, "    ");
    const lines = text.split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(79);
      expect(line.startsWith("    ")).toBe(true);
      expect(line.startsWith("     ")).toBe(false);
    }
    expect(lines.map((l) => l.trim()).join(" ")).toBe(words);
  });

  it("fills each line as far as the next word allows", () => {
    expect(wrap("aaa bbb ccc", "", 7)).toBe("aaa bbb\nccc");
    expect(wrap("aaa bbb ccc", "  ", 9)).toBe("  aaa bbb\n  ccc");
  });

  it("collapses whitespace, newlines and tabs included", () => {
    expect(wrap("  a \n\n b\t\tc  ", "")).toBe("a b c");
  });

  it("breaks a word longer than the line", () => {
    expect(wrap("abcdefghij", "", 4)).toBe("abcd\nefgh\nij");
    const long = "x".repeat(200);
    for (const line of wrap(`see ${long} here`, "    ").split("\n")) {
      expect(line.length).toBeLessThanOrEqual(79);
    }
  });

  it("gives nothing for empty text", () => {
    expect(wrap("", "    ")).toBe("");
    expect(wrap(" \n ", "    ")).toBe("");
  });

  it("keeps at least one column when the indent is wider than the line", () => {
    expect(wrap("ab", "    ", 3)).toBe("    a\n    b");
  });
});
