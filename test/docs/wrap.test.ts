import { readFileSync } from "node:fs";
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

  it("keeps runs of spaces between words, as textwrap does", () => {
    expect(wrap("one   two", "")).toBe("one   two");
    expect(
      wrap("Maps a column to a mapping.  See /ontology for the list of mappings.", "    ", 40),
    ).toBe("    Maps a column to a mapping.  See\n    /ontology for the list of mappings.");
  });

  it("drops spaces where a line breaks, and after the text, but not before it", () => {
    expect(wrap("aaaa   bbbb", "", 6)).toBe("aaaa\nbbbb");
    expect(wrap("done.  Next", "", 5)).toBe("done.\nNext");
    // textwrap keeps the paragraph's leading spaces.
    expect(wrap("  a \n\n b\t\tc  ", "")).toBe("  a    b              c");
    expect(wrap("abc  ", "")).toBe("abc");
    expect(wrap("  abc", "  ")).toBe("    abc");
    // Only the last piece goes: a no-break space after a space is a piece of its own.
    expect(wrap("abc \u00a0", "")).toBe("abc ");
  });

  it("turns line breaks into spaces and expands tabs to 8-column stops", () => {
    expect(wrap("a\nb", "")).toBe("a b");
    expect(wrap("a\tb", "")).toBe("a       b");
    // Tab stops count from the text, not the indent.
    expect(wrap("ab\tc", "  ")).toBe("  ab      c");
  });

  it("breaks a word longer than the line", () => {
    expect(wrap("abcdefghij", "", 4)).toBe("abcd\nefgh\nij");
    const long = "x".repeat(200);
    for (const line of wrap(`see ${long} here`, "    ").split("\n")) {
      expect(line.length).toBeLessThanOrEqual(79);
    }
  });

  it("breaks after the hyphen of a hyphenated word", () => {
    expect(wrap("The columns, as a comma-separated list of names.", "    ", 38)).toBe(
      "    The columns, as a comma-separated\n    list of names.",
    );
    expect(wrap("well-known", "", 7)).toBe("well-\nknown");
    expect(wrap("über-groß straße", "", 8)).toBe("über-\ngroß\nstraße");
    expect(wrap("x a-b-c-d", "", 6)).toBe("x a-b-\nc-d");
    expect(
      wrap(
        "see https://example.com/some-very-long-path-with-many-parts-in-it/and-more/and-more-still",
        "    ",
      ),
    ).toBe(
      "    see https://example.com/some-very-long-path-with-many-parts-in-it/and-\n    more/and-more-still",
    );
  });

  it("does not break after one letter, or between digits, except to cut a long word", () => {
    expect(wrap("e-mail addresses", "", 4)).toBe("e-\nmail\naddr\nesse\ns");
    expect(wrap("e-mail x", "", 7)).toBe("e-mail\nx");
    expect(wrap("2021-01-01 dates", "", 6)).toBe("2021-\n01-01\ndates");
  });

  it("breaks around an em-dash between words", () => {
    expect(wrap("word--word", "", 6)).toBe("word--\nword");
    expect(wrap("a -- b", "", 3)).toBe("a\n--\nb");
  });

  it("cuts a long word where the line ends, after the last hyphen that fits", () => {
    expect(wrap("x".repeat(100), "    ")).toBe(`    ${"x".repeat(75)}\n    ${"x".repeat(25)}`);
    expect(wrap("ab cdefghijkl", "", 6)).toBe("ab cde\nfghijk\nl");
    expect(wrap("---------x", "", 4)).toBe("----\n----\n-x");
  });

  it("keeps the space before a long word when the line is already full, as textwrap does", () => {
    expect(wrap("foo abcdefgh", "", 4)).toBe("foo \nabcd\nefgh");
    expect(wrap("foo  abcdefgh", "", 5)).toBe("foo  \nabcde\nfgh");
  });

  it("counts characters, not UTF-16 units", () => {
    expect(wrap("🙂🙂🙂 ab", "", 5)).toBe("🙂🙂🙂\nab");
    expect(wrap("🙂🙂🙂🙂🙂🙂", "", 4)).toBe("🙂🙂🙂🙂\n🙂🙂");
  });

  it("gives nothing for empty text", () => {
    expect(wrap("", "    ")).toBe("");
    expect(wrap(" \n ", "    ")).toBe("");
  });

  it("keeps at least one column when the indent is wider than the line", () => {
    expect(wrap("ab", "    ", 3)).toBe("    a\n    b");
  });

  // Regression: Python's textwrap loops forever on some text when the indent leaves no room.
  it("ends when the indent leaves no room, even for leading spaces", () => {
    expect(wrap("\n_-/x--1é", "        ", 5)).toBe(
      ["_", "-", "/", "x", "-", "-", "1", "é"].map((c) => `        ${c}`).join("\n"),
    );
    expect(wrap("  ab", "    ", 3)).toBe("    a\n    b");
  });
});

describe("wrap in older browsers", () => {
  // Safari before 16.4 cannot parse a regular expression with a lookbehind: one in the
  // bundle would stop the whole client loading there, not just help().
  it("uses no lookbehind", () => {
    const source = readFileSync(new URL("../../src/docs/wrap.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/\(\?<[=!]/);
  });
});
