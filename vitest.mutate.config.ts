import { defineConfig } from "vitest/config";

// The unit tests that exercise the mutated files (stryker.config.mjs), without the CLI's
// (which run a built binary) or the browser's.
export default defineConfig({
  test: {
    include: [
      "test/http/**/*.test.ts",
      "test/naming/**/*.test.ts",
      "test/response/**/*.test.ts",
      "test/cache/**/*.test.ts",
      // The end-to-end tests of what is mutated; not the soak run (long) nor body-faults
      // (which times bodies in 100 ms, too tight once instrumented).
      "test/integration/retries.test.ts",
      "test/integration/pagination.test.ts",
      "test/integration/responses.test.ts",
      "test/integration/deep-answers.test.ts",
      "test/integration/errors.test.ts",
    ],
    environment: "node",
    // Instrumented code on a shared machine runs slowly; a slow test is not a failed one.
    testTimeout: 30_000,
  },
});
