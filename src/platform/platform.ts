import type { SpecStore } from "../cache/spec-store.js";
import type { Logger } from "../http/logger.js";

/** What reading a local spec from a URL takes of the client's options. */
export interface LocalSpecOptions {
  readonly fetch: typeof fetch;
  readonly signal?: AbortSignal | undefined;
  readonly timeout?: number | undefined;
}

/** What differs between Node and browsers, behind one small seam. */
export interface Platform {
  readonly name: "node" | "browser";
  /** An environment variable (Node), or undefined. */
  env(name: string): string | undefined;
  /** True in an interactive Node REPL: the spec cache then lives 15 minutes. */
  isRepl(): boolean;
  /**
   * The headers only this platform sends. Node: `User-Agent` (`userAgent` followed by
   * ` (Node v20.1.0; civis 0.1.0)`) and `X-Civis-Job-ID` / `X-Civis-Run-ID` from the
   * environment. Browsers: none (they set their own user agent).
   */
  headers(userAgent: string): Record<string, string>;
  /** Reads a local spec: a file path on Node, a URL in the browser (with the client's fetch, ended by its signal or timeout). */
  readLocalSpec(source: string, options: LocalSpecOptions): Promise<string>;
  /** The persistent store behind the memory cache, if the platform has one (IndexedDB, loaded on demand). */
  persistentStore(): Promise<SpecStore | undefined> | undefined;
  /** The logger a client uses when given none: Node's from `CIVIS_LOG_LEVEL`; browsers: none. */
  logger(): Logger | undefined;
  /** Shows a deprecation warning once. */
  warn(message: string): void;
}
