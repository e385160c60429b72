import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { askShared } from "./ask-shared.js";
import { chromiumPath } from "./chromium-path.js";
import { chromium } from "./playwright.js";

const skipped = chromiumPath() === undefined && process.env.SKIP_E2E === "1";
if (skipped) console.warn("\n*** SKIP_E2E=1: browser tests are SKIPPED (no Chromium found). ***\n");

/**
 * False only when no Chromium exists and SKIP_E2E=1 says to skip the browser suites; without
 * that, a missing Chromium fails them with the way to install it.
 */
export const hasChromium = !skipped;

/** The one Chromium every browser suite connects to, launched by the first to ask. */
export async function connectChromium(): Promise<Browser> {
  const { endpoint } = await askShared("chromium");
  return chromium.connect(endpoint);
}

export interface BrowserSession {
  /** The current test's page, in a fresh context (its own IndexedDB, cookies, cache). */
  readonly page: Page;
  readonly context: BrowserContext;
  /**
   * Console errors matching `pattern` are expected in the current test: Chromium logs
   * "Failed to load resource" for every 4xx/5xx a test provokes on purpose.
   */
  allowConsoleError(pattern: RegExp): void;
}

/**
 * Registers the hooks of a browser suite: a connection to the shared Chromium, a fresh context and
 * page per test, and, after each test, a failure if any page threw an uncaught error
 * or logged an unexpected console error.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let problems: string[] = [];
  let allowed: RegExp[] = [];

  beforeAll(async () => {
    browser = await connectChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    problems = [];
    allowed = [];
    context = await browser!.newContext();
    // Context-wide, so pages opened by the test are watched too; unhandled
    // rejections arrive here as well.
    context.on("weberror", (error) => problems.push(`uncaught: ${error.error().stack}`));
    context.on("console", (message) => {
      if (message.type() !== "error") return;
      const where = message.location().url;
      problems.push(`console.error: ${message.text()}${where ? ` (${where})` : ""}`);
    });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    const unexpected = problems.filter((problem) => !allowed.some((re) => re.test(problem)));
    expect(unexpected, "uncaught page errors or console errors").toEqual([]);
  });

  return {
    get page() {
      if (!page) throw new Error("useBrowser(): the page exists only inside a test");
      return page;
    },
    get context() {
      if (!context) throw new Error("useBrowser(): the context exists only inside a test");
      return context;
    },
    allowConsoleError(pattern) {
      allowed.push(pattern);
    },
  };
}
