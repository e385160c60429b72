import { describe, expect, it } from "vitest";
import { docBlock, helpDocBlock } from "../../src/typegen/jsdoc.js";

describe("docBlock", () => {
  it("keeps one short line on one line, and writes nothing for no text", () => {
    expect(docBlock("The ID.", "  ")).toBe("  /** The ID. */\n");
    expect(docBlock("", "  ")).toBe("");
  });

  it("writes longer text one ` * ` line each, with no trailing spaces", () => {
    expect(docBlock("First\n\nSecond  ", "")).toBe("/**\n * First\n *\n * Second\n */\n");
  });

  it("escapes what would end the comment or start a tag", () => {
    const block = docBlock("Globs like a/*/b */\n@param is not a tag\n  @here neither", "");
    expect(block).toBe(
      "/**\n * Globs like a/*\\/b *\\/\n * &#64;param is not a tag\n *   &#64;here neither\n */\n",
    );
    expect(block.slice(3, -3)).not.toContain("*/");
  });
});

describe("helpDocBlock", () => {
  it("fences the help text and adds @deprecated with the spec's words", () => {
    expect(helpDocBlock("Get a thing\n\nAPI URL: GET /things/{id}", "Use\n  v2.", "  ")).toBe(
      "  /**\n   * ```text\n   * Get a thing\n   *\n   * API URL: GET /things/{id}\n   * ```\n   * @deprecated Use v2.\n   */\n",
    );
  });

  it("uses a fence longer than any backticks in the text", () => {
    const block = helpDocBlock("Example:\n```json\n{}\n```", undefined, "");
    expect(block.startsWith("/**\n * ````text\n")).toBe(true);
    expect(block.endsWith(" * ````\n */\n")).toBe(true);
  });
});
