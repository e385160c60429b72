// The Node-only half of the seam in internal.ts, apart so that jobs (in the browser build)
// never pulls a Node built-in in through it. Only the command line uses it.

export { terminalSafe } from "./platform/terminal-safe.js";
export { loadSpecSource } from "./typegen/load-spec-source.js";
