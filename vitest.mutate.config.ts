import { defineConfig } from "vitest/config";

// A test of Retry-After dates sets TZ itself, which a long-lived runner's threads may not see:
// give them a zone away from GMT from the start.
process.env.TZ = "America/Los_Angeles";

// The unit tests that exercise the mutated files (stryker.config.mjs), without the CLI's
// (which run a built binary) or the browser's.
export default defineConfig({
  test: {
    include: [
      "test/http/retry-policy.test.ts",
      "test/http/retry-after.test.ts",
      "test/naming/**/*.test.ts",
      "test/response/**/*.test.ts",
      "test/cache/cache-key.test.ts",
      // End to end, the iterator and the conversion of answers; the retry loop's own tests
      // (which wait on real clocks) and the soak, body-fault and deep-answer runs are too slow
      // once instrumented: the retry rules are pure and their unit tests cover them.
      "test/integration/pagination.test.ts",
      "test/integration/responses.test.ts",
    ],
    environment: "node",
    // Instrumented code on a shared machine runs slowly; a slow test is not a failed one.
    testTimeout: 30_000,
  },
});
