import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * Where the command line keeps downloaded specs: `$XDG_CACHE_HOME/civis`, else
 * `~/.cache/civis` (the XDG Base Directory default).
 */
export function cacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const xdg = env.XDG_CACHE_HOME;
  // The spec says a relative XDG path is invalid and must be ignored.
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".cache");
  return join(base, "civis");
}
