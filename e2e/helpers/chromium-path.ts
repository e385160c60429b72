import { existsSync } from "node:fs";

/**
 * Chromium from CHROMIUM_PATH or Debian's packages; Playwright cannot download its own here.
 * The headless shell first, as Playwright itself prefers for headless runs: the full browser
 * builds a window with its toolbar and omnibox pop-ups for every test's context: the browser
 * tests took four times the browser CPU with it.
 */
export function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  return candidates.find(
    (path): path is string => path !== undefined && path !== "" && existsSync(path),
  );
}
