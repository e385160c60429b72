import { consoleLogger } from "./console-logger.js";
import { nodeHeaders } from "./node-headers.js";
import type { Platform } from "./platform.js";

/**
 * An interactive `node` (or `node -i`) has no script argument and no code to
 * evaluate; `node -e` / `-p` look alike otherwise (both expose built-ins as globals).
 */
export function looksLikeRepl(argv: readonly string[], execArgv: readonly string[]): boolean {
  return argv.length <= 1 && !execArgv.some((arg) => /^(-e|-p|--eval|--print)/.test(arg));
}

/** Node: environment variables, files, the REPL, and `process.emitWarning`. */
export const nodePlatform: Platform = {
  name: "node",
  env: (name) => process.env[name] || undefined,
  isRepl: () => looksLikeRepl(process.argv, process.execArgv),
  headers: (userAgent) => nodeHeaders(userAgent, nodePlatform.env),
  async readLocalSpec(source) {
    const { readFile } = await import("node:fs/promises");
    return readFile(source, "utf8");
  },
  persistentStore: () => undefined,
  logger() {
    const level = nodePlatform.env("CIVIS_LOG_LEVEL");
    return level === undefined ? undefined : consoleLogger(level);
  },
  warn(message) {
    process.emitWarning(message, { type: "DeprecationWarning", code: "CIVIS_DEPRECATED" });
  },
};
