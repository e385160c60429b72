import { describe, expect, it } from "vitest";
import { observeRateLimit } from "../../src/http/observe-rate-limit.js";
import { rateLimitGate } from "../../src/http/rate-limit-gate.js";

const answer = (status: number, retryAfter?: string) =>
  new Response(null, {
    status,
    headers: retryAfter === undefined ? {} : { "Retry-After": retryAfter },
  });

describe("RateLimitGate", () => {
  it("is open until a 429 names a wait", () => {
    const gate = rateLimitGate(600_000);
    expect(gate.wait(undefined)).toBeUndefined();
    observeRateLimit(gate, answer(503, "5"));
    observeRateLimit(gate, answer(429));
    observeRateLimit(gate, answer(429, "soon"));
    observeRateLimit(gate, answer(429, "0"));
    expect(gate.wait(undefined)).toBeUndefined();
    observeRateLimit(gate, answer(429, "5"));
    expect(gate.wait(undefined)).toBeInstanceOf(Promise);
  });

  it("holds new requests for the time named, ended early by a signal", async () => {
    const gate = rateLimitGate(600_000);
    observeRateLimit(gate, answer(429, "30"));
    const controller = new AbortController();
    const waiting = gate.wait(controller.signal);
    controller.abort("enough");
    await expect(waiting).rejects.toBe("enough");
  });

  it("never pauses longer than the retry budget", async () => {
    const gate = rateLimitGate(5);
    observeRateLimit(gate, answer(429, "3600"));
    // Without the cap this would wait an hour (and the test time out).
    await gate.wait(undefined);
    expect(gate.wait(undefined)).toBeUndefined();
  });
});
