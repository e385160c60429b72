import { describe, expect, it } from "vitest";
import { checkPollingOptions, MAX_POLL_MS, nextPollDelay } from "../../src/jobs/poll-schedule.js";

describe("nextPollDelay", () => {
  it("follows civis-python: 1 s, growing 1.2x per poll, capped at 15 s", () => {
    const delays: number[] = [];
    let delay: number | undefined;
    for (let i = 0; i < 20; i++) {
      delay = nextPollDelay(delay, undefined);
      delays.push(delay);
    }
    expect(delays.slice(0, 4).map((d) => Math.round(d))).toEqual([1000, 1200, 1440, 1728]);
    expect(delays.at(-1)).toBe(MAX_POLL_MS);
    expect(Math.max(...delays)).toBe(15_000);
  });

  it("uses a fixed interval as is", () => {
    expect(nextPollDelay(undefined, 50)).toBe(50);
    expect(nextPollDelay(50, 50)).toBe(50);
  });

  it("refuses an interval that is not a usable number of ms", () => {
    for (const bad of [0, -1, Number.NaN, 2 ** 31, "5", Number.POSITIVE_INFINITY]) {
      expect(() => checkPollingOptions("runJob", { pollingIntervalMs: bad })).toThrow(
        /^runJob: pollingIntervalMs must be a number of ms between 1 and 2147483647/,
      );
    }
    expect(checkPollingOptions("runJob", {})).toBeUndefined();
  });
});
