import { existsSync } from "node:fs";

/** Chromium from CHROMIUM_PATH or Debian's package; Playwright cannot download its own here. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find(
    (path): path is string => path !== undefined && path !== "" && existsSync(path),
  );
}
