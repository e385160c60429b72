import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // CI also writes a JSON report, from which .ci/run prints its closing "N passed, N failed" line.
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "test-results.json" }]]
      : ["default"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["e2e/helpers/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
