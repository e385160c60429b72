import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserServer, chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { buildIfStale } from "./build-if-stale.js";
import { CHROMIUM_ARGS } from "./chromium-args.js";
import { chromiumPath } from "./chromium-path.js";
import { packTarball, type Tarball } from "./pack.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The WebSocket address of the one Chromium the browser suites share ("" without one). */
    chromiumEndpoint: string;
    /** The one `npm pack` of the build that the package suites install and inspect. */
    tarball: Tarball;
  }
}

async function launchChromium(): Promise<BrowserServer | undefined> {
  const executablePath = chromiumPath();
  if (executablePath) return chromium.launchServer({ executablePath, args: CHROMIUM_ARGS });
  if (process.env.SKIP_E2E === "1") {
    console.warn("\n*** SKIP_E2E=1: browser tests are SKIPPED (no Chromium found). ***\n");
    return undefined;
  }
  throw new Error(
    "Browser tests need Chromium. Install Debian's package (apt-get install -y chromium-headless-shell, or chromium) or set CHROMIUM_PATH; set SKIP_E2E=1 to skip them.",
  );
}

/**
 * Browser tests need the build (made here when dist/ is stale) and Chromium: say how to
 * get it, or say loudly that they were skipped.
 * One Chromium serves every file (each test still gets a fresh context): launching one
 * per file cost more time than the tests themselves. One `npm pack` serves every file that
 * needs the tarball, made while Chromium starts.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildIfStale();
  const folder = await mkdtemp(join(tmpdir(), "civis-pack-"));
  const [packed, launched] = await Promise.allSettled([packTarball(folder), launchChromium()]);
  const server = launched.status === "fulfilled" ? launched.value : undefined;
  const teardown = async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  };
  if (packed.status === "rejected" || launched.status === "rejected") {
    await teardown();
    throw packed.status === "rejected" ? packed.reason : (launched as PromiseRejectedResult).reason;
  }
  project.provide("tarball", packed.value);
  project.provide("chromiumEndpoint", server?.wsEndpoint() ?? "");
  return teardown;
}
