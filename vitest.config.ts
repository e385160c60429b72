import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { UserConsoleLog } from "vitest";
import { defineConfig } from "vitest/config";
import { DefaultReporter } from "vitest/node";
import { InterleavedSequencer } from "./test/helpers/interleaved-sequencer.js";

/**
 * The default reporter, as quiet as `silent: "passed-only"` makes it (what a passing test
 * logs is noise; a failing test's logs are printed with its failure), but still printing
 * what a file logs outside its tests: the notice that a suite is skipped for a missing spec.
 */
class QuietReporter extends DefaultReporter {
  override shouldLog(
    log: UserConsoleLog,
    state?: Parameters<DefaultReporter["shouldLog"]>[1],
  ): boolean {
    if (super.shouldLog(log, state)) return true;
    if (this.silent !== "passed-only") return false;
    const task = log.taskId ? this.ctx.state.idMap.get(log.taskId) : undefined;
    return task === undefined || "filepath" in task;
  }
}

export default defineConfig({
  resolve: {
    alias: {
      typescript: fileURLToPath(
        new URL("./test/helpers/typescript-by-require.ts", import.meta.url),
      ),
    },
  },
  test: {
    // CI also writes a JSON report, from which .ci/run prints its closing "N passed, N failed" line.
    reporters: process.env.CI
      ? [new QuietReporter(), ["json", { outputFile: "test-results.json" }]]
      : [new QuietReporter()],
    // `--silent=false` shows every test's output again.
    silent: "passed-only",
    // Files share their worker (isolate: false): a fresh module graph per file cost more CPU
    // than the tests themselves on two cores. So a test restores what it changes (process.env,
    // globals, timers, listeners), as the existing ones do. Forks, not threads: tests change
    // HOME and TZ, which only a process of its own sees.
    pool: "forks",
    isolate: false,
    // More workers than cores (vitest's default leaves one core for itself): the browser,
    // CLI, polling and retry tests spend much of their time waiting on timers, Chromium and
    // servers, so another worker runs while one waits.
    maxWorkers: Math.max(4, availableParallelism()),
    // One project for the whole suite, so that the unit files fill the time the browser files
    // spend waiting: a worker runs file after file of one project only (a file of another
    // project gets a fresh process, which imports everything again). `npx vitest run test/`
    // runs the unit and integration files, `npx vitest run e2e/` the browser and package ones
    // (with the slash: a filter is a part of the path, and "test" is in every file's name).
    include: ["test/**/*.test.ts", "e2e/**/*.test.ts"],
    environment: "node",
    sequence: { sequencer: InterleavedSequencer },
    // A browser or package test waits on Chromium, npm and tsc; a CLI test spawns the CLI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: {
      // "No test asserts nothing", checked: a test without an expect() fails.
      requireAssertions: true,
      // expect.poll's 1 s default is shorter than a page's work on a busy two-core machine;
      // a poll that passes returns at once, so a longer limit only changes how a failure ends.
      // Each poll of a page is a round trip through Playwright to Chromium: every 100 ms, not
      // vitest's 50, halves what the browser tests' waits cost the machine.
      poll: { timeout: 10_000, interval: 100 },
    },
    // Starts nothing itself: what the e2e files share is made on their first ask.
    globalSetup: ["e2e/helpers/global-setup.ts"],
    setupFiles: ["test/helpers/load-on-demand-modules.ts"],
  },
});
