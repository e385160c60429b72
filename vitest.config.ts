import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // CI also writes a JSON report, from which .ci/run prints its closing "N passed, N failed" line.
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "test-results.json" }]]
      : ["default"],
    // Files share their worker (isolate: false): a fresh module graph per file cost more CPU
    // than the tests themselves on two cores. So a test restores what it changes (process.env,
    // globals, timers, listeners), as the existing ones do. Forks, not threads: tests change
    // HOME and TZ, which only a process of its own sees.
    pool: "forks",
    isolate: false,
    // At least two workers, also on two cores (vitest's default leaves one for itself): the
    // browser, CLI and server tests spend much of their time waiting on other processes, so
    // a second worker runs while the first waits.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          environment: "node",
          // Spawning the CLI three times in a test takes seconds on a busy machine.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          environment: "node",
          // Launches the one Chromium every browser suite connects to.
          globalSetup: ["e2e/helpers/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
