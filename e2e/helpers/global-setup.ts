import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { buildIfStale } from "./build-if-stale.js";
import { CHROMIUM_ARGS } from "./chromium-args.js";
import { chromiumPath } from "./chromium-path.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The WebSocket address of the one Chromium the browser suites share ("" without one). */
    chromiumEndpoint: string;
  }
}

/**
 * Browser tests need the build (made here when dist/ is stale) and Chromium: say how to
 * get it, or say loudly that they were skipped.
 * One Chromium serves every file (each test still gets a fresh context): launching one
 * per file cost more time than the tests themselves.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildIfStale();
  const executablePath = chromiumPath();
  if (!executablePath) {
    project.provide("chromiumEndpoint", "");
    if (process.env.SKIP_E2E === "1") {
      console.warn("\n*** SKIP_E2E=1: browser tests are SKIPPED (no Chromium found). ***\n");
      return async () => {};
    }
    throw new Error(
      "Browser tests need Chromium. Install Debian's package (apt-get install -y chromium-headless-shell, or chromium) or set CHROMIUM_PATH; set SKIP_E2E=1 to skip them.",
    );
  }
  const server = await chromium.launchServer({ executablePath, args: CHROMIUM_ARGS });
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
