import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type CliRun, ensureCliBuilt, runCli, tempHome } from "./cli-binary.js";
import { type SampleApiServer, startSampleApi } from "./sample-api.js";

export const SAMPLE_KEY = "demo-key";

/** The binary against a fresh sample API, with a throwaway HOME and cache for this test file. */
export interface SampleApiCli {
  readonly server: SampleApiServer;
  /** HOME; the spec cache is `<home>/cache/civis`. */
  readonly home: string;
  /** The environment every run gets: the key, the endpoint, HOME and XDG_CACHE_HOME. */
  readonly env: Readonly<Record<string, string>>;
  /** `node cli.js ...args`; `env` adds to (or, with "", blanks) the defaults. */
  run(args: readonly string[], env?: Record<string, string>): Promise<CliRun>;
}

/** Registers the hooks that start and stop everything; read the fields inside tests. */
export function useSampleApiCli(): SampleApiCli {
  let server: SampleApiServer | undefined;
  let home: ReturnType<typeof tempHome> | undefined;
  let env: Record<string, string> = {};
  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startSampleApi();
    home = tempHome();
    env = {
      HOME: home.dir,
      XDG_CACHE_HOME: join(home.dir, "cache"),
      CIVIS_API_KEY: SAMPLE_KEY,
      CIVIS_API_ENDPOINT: server.url,
    };
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    home?.remove();
  });
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
    run(args, extra = {}) {
      const merged: Record<string, string> = { ...env };
      for (const [name, value] of Object.entries(extra)) {
        if (value === "") delete merged[name];
        else merged[name] = value;
      }
      return runCli(args, merged);
    },
  };
}
