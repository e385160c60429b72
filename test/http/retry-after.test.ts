import { afterEach, describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/http/retry-after.js";

// A whole second, so HTTP dates (which carry no milliseconds) compare exactly.
const NOW = Date.UTC(2030, 5, 15, 12, 0, 0);

describe("parseRetryAfter", () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it.each([
    ["0", 0],
    ["1", 1000],
    ["120", 120_000],
    ["007", 7000],
    ["86400", 86_400_000],
  ])("reads whole seconds: %j -> %i ms", (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it("reads an IMF-fixdate as the time left until it", () => {
    expect(parseRetryAfter("Sat, 15 Jun 2030 12:00:45 GMT", NOW)).toBe(45_000);
  });

  it("reads the obsolete RFC 850 and asctime forms too (RFC 9110 says recipients must)", () => {
    expect(parseRetryAfter("Saturday, 15-Jun-30 12:01:00 GMT", NOW)).toBe(60_000);
    expect(parseRetryAfter("Sat Jun 15 12:00:30 2030", NOW)).toBe(30_000);
  });

  it("reads a date without a zone as GMT, whatever the local zone", () => {
    process.env.TZ = "America/Los_Angeles";
    expect(new Date(NOW).getTimezoneOffset()).not.toBe(0);
    expect(parseRetryAfter("Sat, 15 Jun 2030 12:00:10", NOW)).toBe(10_000);
    expect(parseRetryAfter("Sat, 15 Jun 2030 12:00:10 GMT", NOW)).toBe(10_000);
  });

  it("reads a date with a numeric zone at that zone, not as GMT", () => {
    expect(parseRetryAfter("Sat, 15 Jun 2030 13:00:10 +0100", NOW)).toBe(10_000);
    expect(parseRetryAfter("Sat, 15 Jun 2030 07:00:10 -0500", NOW)).toBe(10_000);
    expect(parseRetryAfter("Sat, 15 Jun 2030 12:00:10 UTC", NOW)).toBe(10_000);
  });

  it("reads a zone followed by a comment at that zone (a regression: it was read as GMT)", () => {
    expect(parseRetryAfter("Sat, 15 Jun 2030 13:00:10 +0100 (CET)", NOW)).toBe(10_000);
    expect(parseRetryAfter("Sat Jun 15 2030 05:00:10 GMT-0700 (Pacific Daylight Time)", NOW)).toBe(
      10_000,
    );
  });

  it("reads a past date as 0", () => {
    expect(parseRetryAfter("Sat, 15 Jun 2030 11:59:00 GMT", NOW)).toBe(0);
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:00 GMT", NOW)).toBe(0);
  });

  it("leaves out a missing header", () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });

  it.each([
    "1.5",
    "0x10",
    "-1",
    "+5",
    "1e3",
    "inf",
    "Infinity",
    "NaN",
    "5s",
    "",
    " ",
    "\t",
    "soon",
    "Sat, someday",
    "2030-06-15T12:00:10Z",
    // A date must be the whole value, from its weekday on.
    "x Sat, 15 Jun 2030 12:00:10 GMT",
  ])("ignores an invalid value %j", (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
