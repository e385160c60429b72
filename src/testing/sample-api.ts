import {
  createSampleApi,
  type SampleApi,
  type SampleApiOptions,
} from "./sample-api/create-sample-api.js";

/** Where `sampleApi()` answers: a reserved name that never resolves, so nothing leaves the process. */
export const SAMPLE_API_URL = "https://sample-api.invalid/";

export interface SampleApiKit {
  /** The sample API's Swagger 2.0 spec, naming its own server (`SAMPLE_API_URL`). */
  readonly spec: Record<string, unknown>;
  /** A `fetch` that answers the sample API in memory; pass it as the client's `fetch`. */
  readonly fetch: typeof globalThis.fetch;
  /** The API behind it: its live data, request counts, `injectFault()` and `reset()`. */
  readonly api: SampleApi;
}

/**
 * The demo's sample API as an in-memory `fetch`: workflows, scripts, users, JSON values, and
 * (as they are built) jobs, SQL and files, behaving as the real API does. Unless `apiKey` is
 * given, any key (or none) is accepted.
 *
 * ```ts
 * const { spec, fetch } = await sampleApi();
 * const client = new APIClient({ localApiSpec: spec, fetch, apiKey: "any" });
 * ```
 */
export async function sampleApi(
  options: Omit<SampleApiOptions, "basePath"> = {},
): Promise<SampleApiKit> {
  const api = createSampleApi({ acceptAnyKey: options.apiKey === undefined, ...options });
  const url = new URL(SAMPLE_API_URL);
  const spec = structuredClone(api.spec);
  spec.host = url.host;
  spec.schemes = [url.protocol.slice(0, -1)];
  return {
    spec: spec as unknown as Record<string, unknown>,
    fetch: api.fetch as typeof globalThis.fetch,
    api,
  };
}
