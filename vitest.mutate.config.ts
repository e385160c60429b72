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
      "test/integration/**/*.test.ts",
    ],
    // The soak run is long, and body-faults times bodies in 100 ms: too tight once instrumented.
    exclude: ["test/integration/soak.test.ts", "test/integration/body-faults.test.ts"],
    environment: "node",
    // Instrumented code on a shared machine runs slowly; a slow test is not a failed one.
    testTimeout: 30_000,
  },
});
