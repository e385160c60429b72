import { VERSION } from "../version.js";
import type { Platform } from "./platform.js";

/** Node: environment variables, files, the REPL, and `process.emitWarning`. */
export const nodePlatform: Platform = {
  name: "node",
  env: (name) => process.env[name] || undefined,
  // The REPL module sets this on the global object it evaluates in; `node -i` and
  // a bare `node` both run there.
  isRepl: () =>
    typeof (globalThis as { repl?: unknown }).repl !== "undefined" ||
    (process.argv.length <= 1 && process.stdin.isTTY === true),
  userAgentSuffix: () => ` (Node ${process.version}; civis ${VERSION})`,
  async readLocalSpec(source) {
    const { readFile } = await import("node:fs/promises");
    return readFile(source, "utf8");
  },
  persistentStore: () => undefined,
  warn(message) {
    process.emitWarning(message, { type: "DeprecationWarning", code: "CIVIS_DEPRECATED" });
  },
};
