import { afterEach, describe, expect, it, vi } from "vitest";
import { randomExponential } from "../../src/http/backoff.js";
import {
  type AttemptOutcome,
  attemptLimit,
  type ResolvedRetryPolicy,
  retryableWait,
  shouldRetry,
} from "../../src/http/retry-policy.js";
import { DEFAULTS } from "../../src/options/defaults.js";

const DEFAULT_RETRY_POLICY = DEFAULTS.retries;

const METHODS = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "POST", "PATCH"] as const;
const STATUSES = [400, 401, 404, 408, 413, 429, 500, 502, 503, 504] as const;

/** Statuses retried without a Retry-After, per method (the civis-python rules, written out). */
const BACKOFF: Record<(typeof METHODS)[number], readonly number[]> = {
  GET: [429, 502, 503, 504],
  HEAD: [429, 502, 503, 504],
  PUT: [429, 502, 503, 504],
  DELETE: [429, 502, 503, 504],
  OPTIONS: [429, 502, 503, 504],
  POST: [429, 503],
  PATCH: [],
};
/** With a valid Retry-After, 413/429/503 are retried for every method, on top of the above. */
const WITH_RETRY_AFTER = [413, 429, 503];

const status = (code: number, retryAfter: string | null = null): AttemptOutcome => ({
  kind: "status",
  status: code,
  retryAfter,
});

const fixed = (waitMs: number, over: Partial<ResolvedRetryPolicy> = {}): ResolvedRetryPolicy => ({
  ...DEFAULT_RETRY_POLICY,
  backoff: () => waitMs,
  ...over,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("retryableWait: which answers are retried", () => {
  const cases = METHODS.flatMap((method) => STATUSES.map((code) => [method, code] as const));

  it.each(cases)("%s %i without Retry-After", (method, code) => {
    const expected = BACKOFF[method].includes(code) ? { minWaitMs: 0 } : undefined;
    expect(retryableWait(method, status(code))).toEqual(expected);
  });

  it.each(cases)("%s %i with Retry-After: 7", (method, code) => {
    const expected = WITH_RETRY_AFTER.includes(code)
      ? { minWaitMs: 7000 }
      : BACKOFF[method].includes(code)
        ? { minWaitMs: 0 }
        : undefined;
    expect(retryableWait(method, status(code, "7"))).toEqual(expected);
  });

  it.each(METHODS)("%s 503 with an HTTP-date Retry-After waits until that date", (method) => {
    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    const at = new Date(now + 30_000).toUTCString();
    expect(retryableWait(method, status(503, at), now)).toEqual({ minWaitMs: 30_000 });
  });

  it.each(["1.5", "0x10", "-1", "inf", "", "  "])(
    "an invalid Retry-After (%j) is ignored: backoff for GET, nothing for PATCH",
    (value) => {
      expect(retryableWait("GET", status(503, value))).toEqual({ minWaitMs: 0 });
      expect(retryableWait("POST", status(503, value))).toEqual({ minWaitMs: 0 });
      expect(retryableWait("PATCH", status(503, value))).toBeUndefined();
      expect(retryableWait("PUT", status(413, value))).toBeUndefined();
    },
  );

  it("reads the method case-insensitively", () => {
    expect(retryableWait("get", status(502))).toEqual({ minWaitMs: 0 });
    expect(retryableWait("post", status(502))).toBeUndefined();
    expect(retryableWait("patch", status(429))).toBeUndefined();
  });

  it.each(METHODS)("connection failure on %s", (method) => {
    const retried = !["POST", "PATCH"].includes(method);
    expect(retryableWait(method, { kind: "connection" })).toEqual(
      retried ? { minWaitMs: 0 } : undefined,
    );
  });

  it.each(METHODS)("an abort on %s is never retried", (method) => {
    expect(retryableWait(method, { kind: "abort" })).toBeUndefined();
  });
});

describe("shouldRetry: when to stop and how long to wait", () => {
  it("waits the backoff when the answer names no time", () => {
    expect(shouldRetry(fixed(250), "GET", status(503), 1, 0)).toEqual({
      retry: true,
      waitMs: 250,
    });
  });

  it("waits at least the Retry-After, or the backoff if longer", () => {
    expect(shouldRetry(fixed(10), "GET", status(503, "3"), 1, 0)).toEqual({
      retry: true,
      waitMs: 3000,
    });
    expect(shouldRetry(fixed(9000), "GET", status(503, "3"), 1, 0)).toEqual({
      retry: true,
      waitMs: 9000,
    });
  });

  it("treats a backoff that is not a positive number as no wait", () => {
    for (const bad of [Number.NaN, -5, 0]) {
      expect(shouldRetry(fixed(bad), "GET", status(502), 1, 0)).toEqual({
        retry: true,
        waitMs: 0,
      });
    }
  });

  // A backoff that overflows to Infinity (an exponential past 2^1024) once counted as no wait,
  // so the client retried at once, over and over: it is an endless wait, so none is started,
  // whatever the time budget.
  it("stops at an infinite backoff rather than retrying at once", () => {
    const endless = fixed(Number.POSITIVE_INFINITY, { maxElapsedMs: Number.POSITIVE_INFINITY });
    expect(shouldRetry(endless, "GET", status(502), 1, 0)).toEqual({ retry: false });
    for (const attempt of [1, 5]) {
      expect(shouldRetry(fixed(Number.POSITIVE_INFINITY), "GET", status(502), attempt, 0)).toEqual({
        retry: false,
      });
    }
    // Even a server's Retry-After does not shorten it.
    expect(shouldRetry(fixed(Number.POSITIVE_INFINITY), "GET", status(503, "1"), 1, 0)).toEqual({
      retry: false,
    });
  });

  it("passes the attempt number to the backoff", () => {
    const backoff = vi.fn((attempt: number) => attempt * 100);
    const policy = fixed(0, { backoff });
    expect(shouldRetry(policy, "GET", status(504), 3, 0)).toEqual({ retry: true, waitMs: 300 });
    expect(backoff).toHaveBeenCalledWith(3);
  });

  it("never retries what the rules do not retry, whatever the policy", () => {
    const generous = fixed(1, { maxAttempts: 1000, maxElapsedMs: Number.POSITIVE_INFINITY });
    expect(shouldRetry(generous, "GET", status(500), 1, 0)).toEqual({ retry: false });
    expect(shouldRetry(generous, "POST", status(502), 1, 0)).toEqual({ retry: false });
    expect(shouldRetry(generous, "PATCH", status(503), 1, 0)).toEqual({ retry: false });
    expect(shouldRetry(generous, "GET", { kind: "abort" }, 1, 0)).toEqual({ retry: false });
  });

  it("stops at maxAttempts", () => {
    const policy = fixed(1, { maxAttempts: 3 });
    expect(shouldRetry(policy, "GET", status(503), 2, 0).retry).toBe(true);
    expect(shouldRetry(policy, "GET", status(503), 3, 0)).toEqual({ retry: false });
  });

  it("stops with the default policy after 10 attempts", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, backoff: () => 1 };
    expect(shouldRetry(policy, "GET", status(503), 9, 0).retry).toBe(true);
    expect(shouldRetry(policy, "GET", status(503), 10, 0)).toEqual({ retry: false });
  });

  it("stops when the wait would end after maxElapsedMs", () => {
    const policy = fixed(100, { maxElapsedMs: 1000 });
    expect(shouldRetry(policy, "GET", status(503), 1, 900)).toEqual({ retry: true, waitMs: 100 });
    expect(shouldRetry(policy, "GET", status(503), 1, 901)).toEqual({ retry: false });
  });

  it("stops at once when Retry-After asks for more than the time left", () => {
    const policy = fixed(1, { maxElapsedMs: 60_000 });
    expect(shouldRetry(policy, "GET", status(429, "61"), 1, 0)).toEqual({ retry: false });
    expect(shouldRetry(policy, "GET", status(429, "59"), 1, 0)).toEqual({
      retry: true,
      waitMs: 59_000,
    });
  });

  // The spec download gives up sooner when there is no answer at all (a wrong base URL).
  it("stops a request without any answer at maxNoAnswerAttempts, if that comes first", () => {
    const policy = fixed(1, { maxAttempts: 5, maxNoAnswerAttempts: 2 });
    const lost = { kind: "connection" } as const;
    expect(attemptLimit(policy, lost)).toBe(2);
    expect(shouldRetry(policy, "GET", lost, 1, 0)).toEqual({ retry: true, waitMs: 1 });
    expect(shouldRetry(policy, "GET", lost, 2, 0)).toEqual({ retry: false });
    // maxAttempts still bounds it when it is the smaller.
    expect(attemptLimit(fixed(1, { maxAttempts: 3, maxNoAnswerAttempts: 7 }), lost)).toBe(3);
    expect(attemptLimit(fixed(1, { maxAttempts: 3 }), lost)).toBe(3);
  });

  it("gives an answer, even an error answer, all of maxAttempts despite maxNoAnswerAttempts", () => {
    const policy = fixed(1, { maxAttempts: 5, maxNoAnswerAttempts: 2 });
    expect(attemptLimit(policy, status(503))).toBe(5);
    expect(shouldRetry(policy, "GET", status(503), 4, 0)).toEqual({ retry: true, waitMs: 1 });
    expect(shouldRetry(policy, "GET", status(503), 5, 0)).toEqual({ retry: false });
  });

  it("stops with the default policy when a wait would pass 600 s", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, backoff: () => 1 };
    expect(shouldRetry(policy, "GET", status(503, "600"), 1, 0).retry).toBe(true);
    expect(shouldRetry(policy, "GET", status(503, "601"), 1, 0)).toEqual({ retry: false });
  });
});

describe("the default backoff: full jitter, multiplier 2 s, at most 60 s", () => {
  const ceilings = [
    [1, 2000],
    [2, 4000],
    [3, 8000],
    [4, 16_000],
    [5, 32_000],
    [6, 60_000],
    [10, 60_000],
    [5000, 60_000],
  ] as const;

  it.each(ceilings)("attempt %i waits up to %i ms", (attempt, ceiling) => {
    vi.spyOn(Math, "random").mockReturnValue(0.999_999_999);
    expect(DEFAULT_RETRY_POLICY.backoff(attempt)).toBeCloseTo(ceiling, 0);
    expect(DEFAULT_RETRY_POLICY.backoff(attempt)).toBeLessThanOrEqual(ceiling);
  });

  it.each(ceilings)("attempt %i may wait as little as 0 ms", (attempt) => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect(DEFAULT_RETRY_POLICY.backoff(attempt)).toBe(0);
  });

  it("spreads waits over the whole range (jitter)", () => {
    const waits = Array.from({ length: 2000 }, () => randomExponential(3, 2000, 60_000));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(8000);
    expect(Math.min(...waits)).toBeLessThan(800);
    expect(Math.max(...waits)).toBeGreaterThan(7200);
    expect(new Set(waits).size).toBeGreaterThan(1900);
  });

  it("stops after 10 attempts or 600 s by default", () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(10);
    expect(DEFAULT_RETRY_POLICY.maxElapsedMs).toBe(600_000);
  });
});
