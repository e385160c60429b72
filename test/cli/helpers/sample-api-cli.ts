import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type CliRun, ensureCliBuilt, spawnCli, tempHome } from "./cli-binary.js";
import { runCli } from "./in-process-cli.js";
import { type SampleApiServer, startSampleApi } from "./sample-api.js";

export const SAMPLE_KEY = "demo-key";

/** The command line against a fresh sample API, with a throwaway HOME and cache for this test file. */
export interface SampleApiCli {
  readonly server: SampleApiServer;
  /** HOME; the spec cache is `<home>/cache/civis`. */
  readonly home: string;
  /** The environment every run gets: the key, the endpoint, HOME, XDG_CACHE_HOME and CIVIS_POLL_MS. */
  readonly env: Readonly<Record<string, string>>;
  /** `civis ...args`, in this process; `env` adds to (or, with "", blanks) the defaults. */
  run(args: readonly string[], env?: Record<string, string>): Promise<CliRun>;
  /** The same through the built binary, `node cli.js ...args` (`binary: true` builds it first). */
  spawn(args: readonly string[], env?: Record<string, string>): Promise<CliRun>;
}

/**
 * Registers the hooks that start and stop everything; read the fields inside tests.
 * `binary`: the file spawns the built CLI too, so it is built (when stale) before its tests.
 */
export function useSampleApiCli(options: { readonly binary?: boolean } = {}): SampleApiCli {
  let server: SampleApiServer | undefined;
  let home: ReturnType<typeof tempHome> | undefined;
  let env: Record<string, string> = {};
  beforeAll(async () => {
    if (options.binary) await ensureCliBuilt();
    server = await startSampleApi();
    home = tempHome();
    env = {
      HOME: home.dir,
      XDG_CACHE_HOME: join(home.dir, "cache"),
      CIVIS_API_KEY: SAMPLE_KEY,
      CIVIS_API_ENDPOINT: server.url,
      // The sample API answers at once: no need to wait the first poll's second.
      CIVIS_POLL_MS: "20",
    };
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    home?.remove();
  });
  function merged(extra: Record<string, string>): Record<string, string> {
    const all: Record<string, string> = { ...env };
    for (const [name, value] of Object.entries(extra)) {
      if (value === "") delete all[name];
      else all[name] = value;
    }
    return all;
  }
  return {
    get server() {
      return server!;
    },
    get home() {
      return home!.dir;
    },
    get env() {
      return env;
    },
    run: (args, extra = {}) => runCli(args, merged(extra)),
    spawn: (args, extra = {}) => spawnCli(args, merged(extra)),
  };
}
