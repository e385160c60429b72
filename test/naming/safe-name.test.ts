import { describe, expect, it } from "vitest";
import { MemberNames } from "../../src/naming/safe-name.js";

/** A set that counts the lookups made in it. */
class CountingSet extends Set<string> {
  lookups = 0;
  override has(value: string): boolean {
    this.lookups++;
    return super.has(value);
  }
}

describe("MemberNames", () => {
  it("keeps an ordinary name", () => {
    expect(new MemberNames().claim("workflows")).toBe("workflows");
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
    expect(new MemberNames().claim(name)).toBe(`${name}_`);
  });

  it("numbers later names that collide: `_2`, `_3`, ...", () => {
    const names = new MemberNames();
    const claimed = ["list_items", "list_items", "list_items"].map((name) => names.claim(name));
    expect(claimed).toEqual(["list_items", "list_items_2", "list_items_3"]);
  });

  it("skips numbers already taken", () => {
    const names = new MemberNames();
    const claimed = ["get", "get_2", "get", "get_4", "get"].map((name) => names.claim(name));
    expect(claimed).toEqual(["get", "get_2", "get_3", "get_4", "get_5"]);
    // `get_2` was claimed as a name of its own, so its collision is numbered after it.
    expect(names.claim("get_2")).toBe("get_2_2");
  });

  it("numbers a reserved name after its trailing `_`", () => {
    const names = new MemberNames();
    names.claim("then_");
    expect(names.claim("then")).toBe("then__2");
  });

  it("claims 10,000 names that collide with a lookup count linear in their number", () => {
    const taken = new CountingSet();
    const names = new MemberNames(taken);
    for (let i = 0; i < 10_000; i++) names.claim("list_items");
    expect(taken.size).toBe(10_000);
    expect(taken.has("list_items_10000")).toBe(true);
    // One lookup for the wanted name and one per number tried: 2 per claim, not i per claim.
    expect(taken.lookups).toBeLessThanOrEqual(2 * 10_000 + 1);
  });

  it("claimExact takes a free name as it is, and refuses a taken or reserved one", () => {
    const names = new MemberNames();
    names.claim("get_me");
    expect(names.claimExact("get_me")).toBe(false);
    expect(names.claimExact("then")).toBe(false);
    expect(names.claimExact("get_runs")).toBe(true);
    expect(names.claimExact("get_runs")).toBe(false);
    expect(names.claim("get_runs")).toBe("get_runs_2");
  });
});
