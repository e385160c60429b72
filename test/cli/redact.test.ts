import { describe, expect, it } from "vitest";
import { redactor } from "../../src/cli/redact.js";

describe("redactor", () => {
  it("removes every key and its Basic auth form", () => {
    const redact = redactor(["key-one", undefined, "key-two"]);
    expect(redact(`a key-one b ${btoa("key-two:")} c key-one`)).toBe(
      "a [redacted] b [redacted] c [redacted]",
    );
  });

  it("leaves text alone without a key, or with one too short to be real", () => {
    expect(redactor([undefined])("a b")).toBe("a b");
    expect(redactor(["a"])("a b")).toBe("a b");
  });
});
