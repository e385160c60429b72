import { describe, expect, it } from "vitest";
import { progressReporter, type UploadProgress } from "../../src/io/upload-progress.js";

describe("progressReporter", () => {
  it("sums the bytes of requests in flight, reports 0 first and only growth, up to the total", () => {
    const seen: UploadProgress[] = [];
    const progress = progressReporter(100, (p) => seen.push(p));
    progress.sent(0, 10);
    progress.sent(1, 20);
    progress.sent(0, 30);
    // Part 1 sent again after a failure: its bytes start over and are counted once.
    progress.sent(1, 0);
    progress.sent(1, 15);
    progress.sent(1, 60);
    progress.sent(2, 500);
    expect(seen.map((p) => p.loaded)).toEqual([0, 10, 30, 50, 90, 100]);
    expect(seen.every((p) => p.total === 100)).toBe(true);
  });

  it("what onProgress threw is thrown by every later call, even one with no new bytes", () => {
    const mine = new Error("the progress bar broke");
    const progress = progressReporter(100, (p) => {
      if (p.loaded === 10) throw mine;
    });
    // The transports ignore a throw (the request goes on); the end of the request reports it.
    expect(() => progress.sent(0, 10)).toThrow(mine);
    expect(() => progress.sent(0, 10)).toThrow(mine);
    expect(() => progress.sent(0, 100)).toThrow(mine);
  });
});
