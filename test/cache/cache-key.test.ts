import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { specCacheKey } from "../../src/cache/cache-key.js";

const BASE = "https://api.test/";

describe("specCacheKey", () => {
  it("is the same for the same base URL, key and API version", async () => {
    const key = await specCacheKey(BASE, "k", "1.0");
    expect(await specCacheKey(BASE, "k", "1.0")).toBe(key);
    expect(key).toMatch(/^civis-spec:[0-9a-f]{64}$/);
  });

  // Each part must change the key: a spec of one API version is never served for another.
  it.each([
    ["the API version", [BASE, "k", "2.0"]],
    ["the API key", [BASE, "other", "1.0"]],
    ["no API key", [BASE, undefined, "1.0"]],
    ["the base URL", ["https://other.test/", "k", "1.0"]],
    // The separator keeps parts from running into each other.
    ["a part moved across the separator", [`${BASE}k`, "", "1.0"]],
  ] as const)("changes with %s", async (_label, [baseUrl, apiKey, apiVersion]) => {
    const key = await specCacheKey(BASE, "k", "1.0");
    expect(await specCacheKey(baseUrl, apiKey, apiVersion)).not.toBe(key);
  });

  // Browsers keep specs in IndexedDB under this key: a change of its text would orphan every
  // stored spec. No key is the empty key, as no Authorization header is.
  it("is the SHA-256 of base URL, key and API version, one per line", async () => {
    const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
    expect(await specCacheKey(BASE, "k", "1.0")).toBe(`civis-spec:${sha256(`${BASE}\nk\n1.0`)}`);
    expect(await specCacheKey(BASE, undefined, "1.0")).toBe(
      `civis-spec:${sha256(`${BASE}\n\n1.0`)}`,
    );
  });

  it("never contains the key", async () => {
    const key = await specCacheKey(BASE, "secret-key-123", "1.0");
    expect(key).not.toContain("secret-key-123");
    expect(key).not.toContain(btoa("secret-key-123:"));
  });
});
