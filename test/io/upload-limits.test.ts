import { describe, expect, it } from "vitest";
import { partSizeFor, UPLOAD_LIMITS } from "../../src/io/upload-limits.js";

const MiB = 2 ** 20;

describe("partSizeFor (civis-python's multipart part size)", () => {
  it("is S3's smallest part, 5 MiB, for a file of up to 5 MiB", () => {
    expect(partSizeFor(1)).toBe(5 * MiB);
    expect(partSizeFor(5 * MiB)).toBe(5 * MiB);
  });

  it("is the geometric mean of 5 MiB and the file size above that, in whole bytes", () => {
    // sqrt(5 MiB * 51 MiB) = sqrt(255) MiB
    expect(partSizeFor(51 * MiB)).toBe(Math.floor(Math.sqrt(255) * MiB));
    // sqrt(5 MiB * 1 GiB) = sqrt(5120) MiB, about 71.6 MiB
    expect(partSizeFor(1024 * MiB)).toBe(Math.floor(Math.sqrt(5 * MiB) * Math.sqrt(1024 * MiB)));
    expect(Number.isInteger(partSizeFor(123_456_789))).toBe(true);
  });

  it("keeps the largest file the API takes within S3's 10,000 parts", () => {
    const size = UPLOAD_LIMITS.maxFileSize;
    const parts = Math.ceil(size / partSizeFor(size));
    expect(parts).toBe(1024);
    expect(parts).toBeLessThanOrEqual(10_000);
  });
});
