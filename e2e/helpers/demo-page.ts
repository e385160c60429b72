import type { Page } from "playwright-core";
import { expect } from "vitest";

/** What e2e tests use of demo/serve.mjs `startDemoServer()`. */
export interface DemoServer {
  /** `http://127.0.0.1:<port>/`: the explorer page. */
  readonly url: string;
  /** `http://127.0.0.1:<port>/api/`: the sample API's root. */
  readonly apiUrl: string;
  readonly api: {
    readonly spec: { readonly paths: Record<string, Record<string, unknown>> };
    /** Requests seen, keyed by "METHOD /path" (no base path, no query). */
    readonly stats: Readonly<Record<string, number>>;
    reset(): void;
  };
  close(): Promise<void>;
}

interface DemoServerModule {
  startDemoServer(options?: { port?: number; now?: () => number }): Promise<DemoServer>;
}

// demo/ is plain JavaScript without declarations; a computed specifier keeps tsc from
// asking for them, and the interface above says what the tests rely on.
const SERVE = new URL("../../demo/serve.mjs", import.meta.url).href;

/** `now`: the sample API's clock, so a test can run its jobs faster than real time. */
export async function startDemoServer(options: { now?: () => number } = {}): Promise<DemoServer> {
  const module = (await import(SERVE)) as DemoServerModule;
  return module.startDemoServer({ port: 0, ...options });
}

/** Loads the explorer and waits until a spec is listed; returns the spec status text. */
export async function openDemo(page: Page, url: string): Promise<string> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await page.getByTestId("spec-count").waitFor();
  return (await page.locator("#spec-status").textContent()) ?? "";
}

/** Opens a method by its hash, as a link in the list would, and waits for its docs. */
export async function openMethod(page: Page, resource: string, name: string): Promise<void> {
  await page.locator(`a.method-link[href="#/${resource}/${name}"]`).click();
  await expect
    .poll(() => page.locator("#method-title").textContent())
    .toContain(`${resource}.${name}`);
}

/** Presses Send and waits for the call to finish; returns the status shown. */
export async function send(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Send request" }).click();
  const status = page.getByTestId("status");
  await status.waitFor({ timeout: 15_000 });
  return (await status.textContent()) ?? "";
}

/** The JSON the result area shows. */
export async function shownJson(page: Page): Promise<unknown> {
  return JSON.parse((await page.getByTestId("response-json").textContent()) ?? "");
}

/** The `.method-link`s currently shown in the sidebar. */
export function visibleMethodLinks(page: Page) {
  return page.locator(".method-link:visible");
}
