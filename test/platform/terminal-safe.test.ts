import { describe, expect, it } from "vitest";
import { terminalSafe } from "../../src/platform/terminal-safe.js";

describe("terminalSafe", () => {
  it("keeps tabs, newlines and printable text; escapes C0, DEL and C1", () => {
    expect(terminalSafe("a\tb\nc é ✓")).toBe("a\tb\nc é ✓");
    expect(terminalSafe("\u0000\u0007\r\u001b\u007f\u0085\u009b")).toBe(
      "\\u0000\\u0007\\u000d\\u001b\\u007f\\u0085\\u009b",
    );
  });
});
