import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserServer } from "playwright-core";
import { buildIfStale } from "./build-if-stale.js";
import { CHROMIUM_ARGS } from "./chromium-args.js";
import { chromiumPath } from "./chromium-path.js";
import { packTarball, type Tarball } from "./pack.js";
import { chromium } from "./playwright.js";

/** What the e2e files share, each made once per run, the first time a file asks for it. */
export interface SharedAnswers {
  /** dist/ is built and not older than src/. */
  built: Record<string, never>;
  /** The WebSocket address of the one Chromium every browser suite connects to. */
  chromium: { endpoint: string };
  /** The one `npm pack` of the build that the package suites install and inspect. */
  tarball: Tarball;
}

export interface SharedResources {
  /** `http://127.0.0.1:<port>/`: GET `<name>` answers `SharedAnswers[name]` as JSON. */
  readonly url: string;
  close(): Promise<void>;
}

async function launchChromium(): Promise<BrowserServer> {
  const executablePath = chromiumPath();
  if (executablePath) return chromium.launchServer({ executablePath, args: CHROMIUM_ARGS });
  throw new Error(
    "Browser tests need Chromium. Install Debian's package (apt-get install -y chromium-headless-shell, or chromium) or set CHROMIUM_PATH; set SKIP_E2E=1 to skip them.",
  );
}

interface Once<T> {
  /** `make()`'s promise, made on the first call. */
  (): Promise<T>;
  /** That promise, if a call has made it. */
  readonly made: Promise<T> | undefined;
}

function once<T>(make: () => Promise<T>): Once<T> {
  let made: Promise<T> | undefined;
  const get = () => {
    made ??= make();
    return made;
  };
  return Object.defineProperty(get, "made", { get: () => made }) as Once<T>;
}

/**
 * Serves, from vitest's own process, what the test files share across their worker
 * processes: a build when dist/ is stale, one Chromium and one `npm pack`. Each is made on
 * the first ask, so a run of unit tests alone starts none of them, and the first tests
 * start while they are made. A failure is answered to every ask, with its message.
 */
export async function startSharedResources(): Promise<SharedResources> {
  const ensureBuilt = once(buildIfStale);
  const browser = once(launchChromium);
  const folder = once(() => mkdtemp(join(tmpdir(), "civis-pack-")));
  const answers: { [name in keyof SharedAnswers]: () => Promise<SharedAnswers[name]> } = {
    built: async () => {
      await ensureBuilt();
      return {};
    },
    chromium: async () => ({ endpoint: (await browser()).wsEndpoint() }),
    tarball: once(async () => {
      await ensureBuilt();
      return packTarball(await folder());
    }),
  };
  const server = createServer((request, response) => {
    const name = (request.url ?? "").slice(1);
    const answer = Object.hasOwn(answers, name)
      ? answers[name as keyof SharedAnswers]()
      : Promise.reject(new Error(`no shared resource named ${JSON.stringify(name)}`));
    answer.then(
      (value) =>
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value)),
      (error: unknown) =>
        response.writeHead(500).end(error instanceof Error ? error.message : String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.close();
      await Promise.allSettled([
        browser.made?.then((launched) => launched.close()),
        folder.made?.then((path) => rm(path, { recursive: true, force: true })),
      ]);
    },
  };
}
