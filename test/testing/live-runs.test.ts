// LiveRun, the one run lifecycle of the sample API, on a clock that moves at each reading.
import { describe, expect, it } from "vitest";
import { LiveRun, quickPlan } from "../../src/testing/sample-api/areas/live-runs.js";

/** A clock that answers `readings` in turn, then keeps the last. */
const clockOf = (...readings: number[]) => {
  let next = 0;
  return () => readings[Math.min(next++, readings.length - 1)]!;
};

describe("LiveRun", () => {
  it("cancels at one reading of the clock: a run still running then is cancelled", () => {
    // Created at 0; the cancel reads 599 (100 ms queued + 500 ms running end at 600). Were it
    // to read the clock again for the cancel's time, 600 would have ended the run first.
    const run = new LiveRun(1, 1, quickPlan(null), clockOf(0, 599, 600, 700));
    let undone = 0;
    run.onCancel = () => undone++;
    expect(run.cancel()).toBe(true);
    expect(run.at(700)).toMatchObject({
      state: "cancelled",
      isCancelRequested: true,
      finishedAt: new Date(599).toISOString(),
    });
    expect(undone).toBe(1);
  });

  it("does not cancel a run that has ended, and takes nothing back", () => {
    const run = new LiveRun(1, 1, quickPlan("boom"), clockOf(0, 600));
    let undone = 0;
    run.onCancel = () => undone++;
    expect(run.cancel()).toBe(false);
    expect(run.at(600)).toMatchObject({ state: "failed", error: "boom", isCancelRequested: false });
    expect(undone).toBe(0);
  });
});
