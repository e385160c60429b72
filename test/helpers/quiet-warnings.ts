import { afterAll, beforeAll } from "vitest";

/**
 * For a suite that provokes process warnings on purpose and asserts on them through
 * `process.on("warning")`: Node's own printer is detached meanwhile, so the test run's
 * output shows only what went wrong. Call at the top level of the file, first.
 */
export function useQuietWarnings(): void {
  let printers: NodeJS.WarningListener[] = [];
  beforeAll(() => {
    printers = process.listeners("warning");
    for (const printer of printers) process.off("warning", printer);
  });
  afterAll(() => {
    for (const printer of printers) process.on("warning", printer);
  });
}
