import { defineConfig } from "vitest/config";

// A test of Retry-After dates sets TZ itself, which a long-lived runner's threads may not see:
// give them a zone away from GMT from the start.
process.env.TZ = "America/Los_Angeles";

// The unit tests of the mutated files (stryker.config.mjs), in the folders that mirror them.
// Only pure units: a mutant that changes a module-level constant reruns every test here, and
// the integration tests (real servers, real clocks) would make each such run take seconds.
export default defineConfig({
  test: {
    include: [
      "test/http/retry-policy.test.ts",
      "test/http/retry-after.test.ts",
      "test/naming/**/*.test.ts",
      "test/response/**/*.test.ts",
      "test/cache/cache-key.test.ts",
    ],
    environment: "node",
    // Instrumented code on a shared machine runs slowly; a slow test is not a failed one.
    testTimeout: 30_000,
  },
});
