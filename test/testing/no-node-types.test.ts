import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const TESTING = fileURLToPath(new URL("../../src/testing/", import.meta.url));

describe("civis/testing in a browser project", () => {
  it("imports no Node built-in, not even a type, so its declarations need no Node types", () => {
    // `import type { IncomingMessage } from "node:http"` once reached dist/testing.d.ts: a
    // browser project (no @types/node) failed to type-check `import { mockFetch } from "civis/testing"`.
    const files = readdirSync(TESTING, { recursive: true, encoding: "utf8" }).filter((name) =>
      name.endsWith(".ts"),
    );
    expect(files.length).toBeGreaterThan(5);
    const offending = files.filter((name) =>
      /(from|import\()\s*["']node:/.test(readFileSync(`${TESTING}${name}`, "utf8")),
    );
    expect(offending).toEqual([]);
  });
});
