import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
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
  /** The current test's page: blank, with no storage, cookies or cache from earlier tests. */
  readonly page: Page;
  readonly context: BrowserContext;
  /**
   * Console errors matching `pattern` are expected in the current test: Chromium logs
   * "Failed to load resource" for every 4xx/5xx a test provokes on purpose.
   */
  allowConsoleError(pattern: RegExp): void;
}

/** The viewport Playwright gives a new page. */
const VIEWPORT = { width: 1280, height: 720 };

/**
 * A context and its page, kept from test to test: a fresh context starts a renderer
 * process, measured at a quarter of the browser's CPU for a load of the demo and nearly half
 * for a small page. Between tests the page
 * goes blank and loses what a test could leave behind (other pages, routes, cookies,
 * permissions, the HTTP cache, every visited origin's storage), so a test starts as in a
 * fresh context.
 */
class ReusedPage {
  private readonly origins = new Set<string>();
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    this.track();
  }

  /** Storage is kept per origin: the origins of the documents the page showed. */
  private track(): void {
    this.page.on("framenavigated", (frame) => {
      const { origin } = new URL(frame.url());
      if (origin.startsWith("http")) this.origins.add(origin);
    });
  }

  static async open(browser: Browser): Promise<ReusedPage> {
    const context = await browser.newContext();
    const page = await context.newPage();
    return new ReusedPage(context, page, await context.newCDPSession(page));
  }

  /** Leaves the page as a fresh context's; false when it could not be. */
  async reset(): Promise<boolean> {
    try {
      // A test's listeners on the page stop with it.
      await this.page.removeAllListeners();
      this.track();
      for (const other of this.context.pages()) if (other !== this.page) await other.close();
      await this.page.goto("about:blank");
      await Promise.all([
        this.context.unrouteAll({ behavior: "ignoreErrors" }),
        this.page.unrouteAll({ behavior: "ignoreErrors" }),
        this.context.clearCookies(),
        this.context.clearPermissions(),
        this.cdp.send("Network.clearBrowserCache"),
        ...[...this.origins].map((origin) =>
          this.cdp.send("Storage.clearDataForOrigin", { origin, storageTypes: "all" }),
        ),
      ]);
      this.origins.clear();
      const size = this.page.viewportSize();
      if (size?.width !== VIEWPORT.width || size.height !== VIEWPORT.height) {
        await this.page.setViewportSize(VIEWPORT);
      }
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Registers the hooks of a browser suite: a connection to the shared Chromium; one page for
 * its tests, blank and clean at the start of each (`contextPerTest`: a fresh context for
 * each test instead, for suites whose tests add init scripts, which a page keeps); and,
 * after each test, a failure if any page threw an uncaught error or logged an unexpected
 * console error.
 */
export function useBrowser({ contextPerTest = false } = {}): BrowserSession {
  let browser: Browser | undefined;
  let reused: ReusedPage | undefined;
  let problems: string[] = [];
  let allowed: RegExp[] = [];

  const watch = (context: BrowserContext) => {
    // Context-wide, so pages opened by the test are watched too; unhandled
    // rejections arrive here as well.
    context.on("weberror", (error) => problems.push(`uncaught: ${error.error().stack}`));
    context.on("console", (message) => {
      if (message.type() !== "error") return;
      const where = message.location().url;
      problems.push(`console.error: ${message.text()}${where ? ` (${where})` : ""}`);
    });
  };

  beforeAll(async () => {
    browser = await connectChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    problems = [];
    allowed = [];
    if (!reused) {
      reused = await ReusedPage.open(browser!);
      watch(reused.context);
    }
  });
  afterEach(async () => {
    if (reused && (contextPerTest || !(await reused.reset()))) {
      await reused.context.close().catch(() => {});
      reused = undefined;
    }
    const unexpected = problems.filter((problem) => !allowed.some((re) => re.test(problem)));
    expect(unexpected, "uncaught page errors or console errors").toEqual([]);
  });

  return {
    get page() {
      if (!reused) throw new Error("useBrowser(): the page exists only inside a test");
      return reused.page;
    },
    get context() {
      if (!reused) throw new Error("useBrowser(): the context exists only inside a test");
      return reused.context;
    },
    allowConsoleError(pattern) {
      allowed.push(pattern);
    },
  };
}
