import { describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/options/client-options.js";
import { resolveOptions } from "../../src/options/resolve-options.js";
import { browserPlatform } from "../../src/platform/browser.js";
import { nodePlatform } from "../../src/platform/node.js";
import type { Platform } from "../../src/platform/platform.js";

const MINUTE = 60_000;
/** Node as seen from an interactive REPL (`node`, `node -i`). */
const replPlatform: Platform = { ...nodePlatform, isRepl: () => true };
const ttl = (options: ClientOptions, platform: Platform) =>
  resolveOptions({ apiKey: "k", ...options }, platform).specCacheTtlMs;

describe("specCacheTtlMs: the default", () => {
  it("is 15 minutes in a Node REPL", () => {
    expect(ttl({}, replPlatform)).toBe(15 * MINUTE);
  });

  it("is 24 hours in a Node script (this test runs in one) and in browsers", () => {
    expect(nodePlatform.isRepl()).toBe(false);
    expect(ttl({}, nodePlatform)).toBe(24 * 60 * MINUTE);
    expect(ttl({}, browserPlatform)).toBe(24 * 60 * MINUTE);
  });

  it("gives way to an explicit specCacheTtlMs, in a REPL too", () => {
    expect(ttl({ specCacheTtlMs: 5 * MINUTE }, replPlatform)).toBe(5 * MINUTE);
    expect(ttl({ specCacheTtlMs: 0 }, replPlatform)).toBe(0);
  });
});
