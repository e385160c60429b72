import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../../src/options/defaults.js";
import { resolveRetryPolicy } from "../../src/options/resolve-retry-policy.js";

describe("resolveRetryPolicy", () => {
  it("is the default policy when none is given", () => {
    expect(resolveRetryPolicy(undefined)).toBe(DEFAULTS.retries);
  });

  it("sends once with retries: false", () => {
    expect(resolveRetryPolicy(false).maxAttempts).toBe(1);
  });

  it("keeps the defaults for the fields not given", () => {
    const onRetry = () => {};
    const policy = resolveRetryPolicy({ maxAttempts: 3, onRetry });
    expect(policy.maxAttempts).toBe(3);
    expect(policy.maxElapsedMs).toBe(600_000);
    expect(policy.backoff).toBe(DEFAULTS.retries.backoff);
    expect(policy.onRetry).toBe(onRetry);
  });

  it.each([
    ["null", null],
    ["true", true],
    ["a number", 3],
    ["maxAttempts 0", { maxAttempts: 0 }],
    ["maxAttempts 1.5", { maxAttempts: 1.5 }],
    ["maxAttempts as a string", { maxAttempts: "3" }],
    ["maxElapsedMs -1", { maxElapsedMs: -1 }],
    ["maxElapsedMs NaN", { maxElapsedMs: Number.NaN }],
    ["backoff not a function", { backoff: 5 }],
    ["onRetry not a function", { onRetry: "log" }],
    ["an unknown field", { retryOn: [500] }],
  ])("a bad policy (%s) is a TypeError", (_name, policy) => {
    expect(() => resolveRetryPolicy(policy as never)).toThrow(TypeError);
  });

  it("names the field and what it must be", () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(
      "retries.maxAttempts must be an integer of at least 1",
    );
  });

  it("names the unknown field and the accepted ones", () => {
    expect(() => resolveRetryPolicy({ statuses: [500] } as never)).toThrow(
      /unknown option "retries.statuses"; accepted: maxAttempts, maxElapsedMs, backoff, onRetry/,
    );
  });
});
