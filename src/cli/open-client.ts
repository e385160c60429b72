import { APIClient } from "../index.js";
import { DEFAULTS } from "../internal.js";
import { loadSpecSource } from "../internal-node.js";
import { type ApiKeySource, requireApiKey } from "./api-key.js";
import { cacheDir } from "./cache-dir.js";
import type { CliOptions } from "./cli-options.js";
import { diskSpecStore } from "./disk-spec-store.js";
import { type ProgressStream, specDownloadProgress } from "./progress.js";
import { retryReporter } from "./retry-report.js";

/** What every command reads besides its arguments. */
export interface CliContext {
  readonly options: CliOptions;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly key: ApiKeySource;
  readonly stderr: ProgressStream;
  /** For commands that print as they go (`civis jobs follow-log`, `civis sql`), redacted. */
  readonly stdout?: { write(text: string): unknown };
  /** Per attempt of the spec download, in ms. */
  readonly specTimeoutMs: number;
}

const USER_AGENT = "civis-cli";

/**
 * Per attempt of the spec download, as `--spec URL` has it: a server that takes the
 * connection and never answers is retried, said on stderr, then given up on, where the
 * command line waited in silence for as long as the platform's fetch would (5 minutes an
 * attempt on Node).
 */
export const SPEC_TIMEOUT_MS = 60_000;

/** `--base-url`, else `CIVIS_API_ENDPOINT`, else the Civis API. */
export function apiBaseUrl(context: CliContext): string {
  return context.options.baseUrl ?? context.env.CIVIS_API_ENDPOINT ?? DEFAULTS.baseUrl;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * How the command line downloads a spec from `url` (the API's root, or a `--spec` URL):
 * the progress on a terminal, every retry said on stderr, each attempt bounded.
 */
export function specDownload(
  context: CliContext,
  url: string,
): {
  fetch: typeof fetch;
  retries: { onRetry: ReturnType<typeof retryReporter> };
  timeout: number;
} {
  return {
    fetch: specDownloadProgress(globalThis.fetch, context.stderr),
    retries: { onRetry: retryReporter(context.stderr, url) },
    timeout: context.specTimeoutMs,
  };
}

/**
 * The key to send with a spec URL: one named on the command line goes anywhere the
 * user points; one from the environment only to the API's own origin, so
 * `--spec https://example.com/spec.json` never carries CIVIS_API_KEY elsewhere.
 */
export function keyForSpecUrl(context: CliContext, url: string): string | undefined {
  const { apiKey, explicit } = context.key;
  if (explicit) return apiKey;
  const origin = originOf(url);
  return origin !== undefined && origin === originOf(apiBaseUrl(context)) ? apiKey : undefined;
}

/**
 * The client for a command: from `--spec` when given, else from the spec cached on
 * disk (24 hours, keyed like every spec cache), downloaded when missing, expired
 * or `--refresh`ed. `keyOptional`: `help` may read a local spec without a key.
 */
export async function openClient(context: CliContext, keyOptional = false): Promise<APIClient> {
  const { options, env, key } = context;
  const fetchImpl = specDownloadProgress(globalThis.fetch, context.stderr);
  const common = {
    userAgent: USER_AGENT,
    fetch: fetchImpl,
    retries: { onRetry: retryReporter(context.stderr, apiBaseUrl(context)) },
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
  };
  if (options.spec !== undefined) {
    const spec = await loadSpecSource(options.spec, {
      ...specDownload(context, options.spec),
      apiKey: keyForSpecUrl(context, options.spec),
    });
    // Nothing is sent when only help is read, so no key is needed then.
    const apiKey = key.apiKey ?? (keyOptional ? "unused-by-help" : requireApiKey(key));
    return new APIClient({ ...common, apiKey, localApiSpec: spec as object });
  }
  return APIClient.create({
    ...common,
    apiKey: requireApiKey(key),
    specCache: diskSpecStore(cacheDir(env)),
    specCacheTtlMs: DEFAULTS.specCacheTtlMs,
    forceRefreshApiSpec: options.refresh,
    timeout: context.specTimeoutMs,
  });
}
