/** The parts of demo/sample-api's server these tests use. */
export interface SampleApiServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly api: {
    readonly spec: object;
    /** Requests seen, keyed by "METHOD /path" (no query). */
    readonly stats: Readonly<Record<string, number>>;
    injectFault(fault: { status?: number; retryAfter?: number; times?: number }): void;
    reset(): void;
  };
  close(): Promise<void>;
}

interface ServerModule {
  startSampleApiServer(options: { port: number }): Promise<SampleApiServer>;
}

// demo/ is plain JavaScript without declarations: a computed specifier keeps tsc from
// asking for them, and the interface above says what the tests rely on.
const SERVER = new URL("../../../demo/sample-api/server.mjs", import.meta.url).href;

/** The sample Civis-like API on 127.0.0.1, port 0 (key `demo-key`), with fresh data. */
export async function startSampleApi(): Promise<SampleApiServer> {
  const module = (await import(SERVER)) as ServerModule;
  return module.startSampleApiServer({ port: 0 });
}
