import { describe, expect, it } from "vitest";
import { platformUrl } from "../../src/jobs/platform-url.js";

describe("platformUrl", () => {
  it("turns the API host into the platform host, as civis-python's links name it", () => {
    expect(platformUrl("https://api.civisanalytics.com/", 123)).toBe(
      "https://platform.civisanalytics.com/spa/#/jobs/123",
    );
    expect(platformUrl("https://api.civisanalytics.com/", 123, 456)).toBe(
      "https://platform.civisanalytics.com/spa/#/jobs/123?runId=456",
    );
  });

  it("keeps any other origin (a local or proxied API), dropping its path", () => {
    expect(platformUrl("http://127.0.0.1:8080/api/", 1, 2)).toBe(
      "http://127.0.0.1:8080/spa/#/jobs/1?runId=2",
    );
  });
});
