import { describe, expect, it } from "vitest";
import { plainCopy } from "../../src/response/convert.js";
import { Response } from "../../src/response/response.js";

describe("plainCopy (what json() gives)", () => {
  it("gives a `__proto__` key as an ordinary own property the caller may change or delete", () => {
    const sent = JSON.parse('{"__proto__": {"polluted": true}, "id": 1}') as Record<
      string,
      unknown
    >;
    const copy = new Response(sent).json() as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")).toEqual({
      value: { polluted: true },
      writable: true,
      enumerable: true,
      configurable: true,
    });
    // Reflect says false where an assignment to a read-only property would throw.
    expect(Reflect.set(copy, "__proto__", "changed")).toBe(true);
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).toBe("changed");
    expect(Reflect.deleteProperty(copy, "__proto__")).toBe(true);
    expect(Object.hasOwn(copy, "__proto__")).toBe(false);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it("copies without touching the original, keys as sent or in snake_case", () => {
    const original = { someKey: [{ innerKey: 1 }] };
    const snake = plainCopy(original, true) as { some_key: { inner_key: number }[] };
    const asSent = plainCopy(original, false) as typeof original;
    expect(snake).toEqual({ some_key: [{ inner_key: 1 }] });
    expect(asSent).toEqual(original);
    expect(asSent.someKey).not.toBe(original.someKey);
    expect(original).toEqual({ someKey: [{ innerKey: 1 }] });
  });
});
