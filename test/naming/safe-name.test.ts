import { describe, expect, it } from "vitest";
import { safeMemberName } from "../../src/naming/safe-name.js";

const none = (): boolean => false;

describe("safeMemberName", () => {
  it("keeps an ordinary name", () => {
    expect(safeMemberName("workflows", none)).toBe("workflows");
  });

  it.each([
    "constructor",
    "__proto__",
    "prototype",
    "then",
    "catch",
    "finally",
    "toString",
    "hasOwnProperty",
    "valueOf",
    "__defineGetter__",
    "last_response",
    "help",
  ])("gives the reserved name %j a trailing `_`", (name) => {
    expect(safeMemberName(name, none)).toBe(`${name}_`);
  });

  it("numbers later names that collide: `_2`, `_3`, ...", () => {
    const taken = new Set<string>();
    const names = ["list_items", "list_items", "list_items"].map((name) => {
      const safe = safeMemberName(name, (n) => taken.has(n));
      taken.add(safe);
      return safe;
    });
    expect(names).toEqual(["list_items", "list_items_2", "list_items_3"]);
  });

  it("skips numbers already taken", () => {
    const taken = new Set(["get", "get_2"]);
    expect(safeMemberName("get", (n) => taken.has(n))).toBe("get_3");
  });

  it("numbers a reserved name after its trailing `_`", () => {
    const taken = new Set(["then_"]);
    expect(safeMemberName("then", (n) => taken.has(n))).toBe("then__2");
  });
});
