import { describe, expect, it } from "vitest";
import { requestQueue } from "../../src/http/request-queue.js";

describe("RequestQueue", () => {
  it("gives free slots at once, then lets waiters in, in the order they came", async () => {
    const queue = requestQueue(2);
    expect(queue.acquire(undefined)).toBeUndefined();
    expect(queue.acquire(undefined)).toBeUndefined();
    const order: number[] = [];
    const waits = [1, 2, 3].map((n) => queue.acquire(undefined)?.then(() => order.push(n)));
    expect(waits.every((w) => w instanceof Promise)).toBe(true);
    queue.release();
    await waits[0];
    // A newcomer while others wait goes behind them, even with a slot about to free.
    const late = queue.acquire(undefined);
    expect(late).toBeInstanceOf(Promise);
    queue.release();
    queue.release();
    await Promise.all([waits[1], waits[2]]);
    queue.release();
    await late;
    expect(order).toEqual([1, 2, 3]);
  });

  it("drops a waiter whose signal aborts, with the signal's reason, and keeps the slot for the next", async () => {
    const queue = requestQueue(1);
    queue.acquire(undefined);
    const controller = new AbortController();
    const aborted = queue.acquire(controller.signal);
    const next = queue.acquire(undefined);
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    queue.release();
    await expect(next).resolves.toBeUndefined();
  });

  it("refuses at once a signal already aborted", async () => {
    const queue = requestQueue(1);
    queue.acquire(undefined);
    await expect(queue.acquire(AbortSignal.abort("gone"))).rejects.toBe("gone");
    queue.release();
    expect(queue.acquire(undefined)).toBeUndefined();
  });
});
