import { describe, expect, it } from "vitest";
import { redactor } from "../../src/cli/redact.js";

describe("redactor", () => {
  it("removes every key and its Basic auth form", () => {
    const redact = redactor(["key-one", undefined, "key-two"]);
    expect(redact(`a key-one b ${btoa("key-two:")} c key-one`)).toBe(
      "a [redacted] b [redacted] c [redacted]",
    );
  });

  it("removes the Base64 without its padding too, as the client's own errors do", () => {
    // A server echoing the unpadded form got it printed: "c2Vrcml0LWtleS0xMjM0Og" is
    // btoa("sekrit-key-1234:") without its "==".
    const redact = redactor(["sekrit-key-1234"]);
    expect(redact(`{"a": "c2Vrcml0LWtleS0xMjM0Og", "b": "${btoa("sekrit-key-1234:")}"}`)).toBe(
      '{"a": "[redacted]", "b": "[redacted]"}',
    );
  });

  it("leaves text alone without a key, or with one too short to be real", () => {
    expect(redactor([undefined])("a b")).toBe("a b");
    expect(redactor(["a"])("a b")).toBe("a b");
  });
});
