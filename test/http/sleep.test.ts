import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sleep } from "../../src/http/sleep.js";

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether a promise has settled, without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol("pending");
  const first = await Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    Promise.resolve(marker),
  ]);
  return first !== marker;
}

describe("sleep", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    // Mocks first: a spy on the fake setTimeout would otherwise be "restored" over the real one,
    // and the next test file in this worker would wait forever.
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("resolves after the wait, not before", async () => {
    const wait = sleep(1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(wait)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(wait).resolves.toBeUndefined();
  });

  it("never starts a timer beyond 2^31-1 ms, and still waits the whole time", async () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    const total = 2 * MAX_TIMER_MS + 5000;
    const wait = sleep(total);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(await settled(wait)).toBe(false);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(await settled(wait)).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(wait).resolves.toBeUndefined();
    const delays = spy.mock.calls.map((call) => call[1] ?? 0);
    expect(delays.length).toBeGreaterThanOrEqual(3);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it("rejects at once with the signal's reason when aborted during the wait", async () => {
    const controller = new AbortController();
    const wait = sleep(60_000, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    const reason = new Error("stop");
    controller.abort(reason);
    // No time passes: the abort alone ends the wait, and no timer is left behind.
    await expect(wait).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("ends a long stepped wait at once too", async () => {
    const controller = new AbortController();
    const wait = sleep(3 * MAX_TIMER_MS, controller.signal);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 1);
    controller.abort();
    await expect(wait).rejects.toMatchObject({ name: "AbortError" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects without starting a timer when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("already"));
    await expect(sleep(1000, controller.signal)).rejects.toThrow("already");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops listening to the signal once the wait is over", async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const wait = sleep(5, controller.signal);
    await vi.advanceTimersByTimeAsync(5);
    await wait;
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("resolves a zero wait", async () => {
    const wait = sleep(0);
    await vi.advanceTimersByTimeAsync(0);
    await expect(wait).resolves.toBeUndefined();
  });
});
