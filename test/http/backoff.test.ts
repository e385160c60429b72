import { afterEach, describe, expect, it, vi } from "vitest";
import { randomExponential } from "../../src/http/backoff.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("randomExponential", () => {
  it("draws up to multiplier * 2^(attempt-1), capped", () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    expect(randomExponential(1, 2000, 60_000)).toBe(1000);
    expect(randomExponential(3, 2000, 60_000)).toBe(4000);
    expect(randomExponential(10, 2000, 60_000)).toBe(30_000);
  });

  // 2^(attempt-1) overflows to Infinity past attempt 1024: the cap still holds, so the wait is
  // never Infinity (no retry at all) or NaN (a retry at once).
  it("keeps to the cap when the exponential overflows", () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    for (const attempt of [1025, 5000, Number.MAX_SAFE_INTEGER]) {
      expect(randomExponential(attempt, 2000, 60_000)).toBe(30_000);
    }
  });
});
