import { readFile } from "node:fs/promises";
import { parseSpecText } from "../description/parse-spec-text.js";
import type { RetryPolicy } from "../http/retry-policy.js";
import { send } from "../http/send.js";
import { LOOPBACK } from "../options/resolve-options.js";
import { resolveRetryPolicy } from "../options/resolve-retry-policy.js";

/** Where `typegen()` reads a spec from. */
export interface SpecSourceOptions {
  /** Sent as HTTP Basic auth to a spec URL (and only there); never to a file. */
  readonly apiKey?: string | undefined;
  readonly fetch?: typeof fetch | undefined;
  /** Per attempt, in ms: a spec URL that stalls must not hang typegen or the CLI. Default 60 s. */
  readonly timeout?: number | undefined;
  /** A retry policy, or `false` for one attempt. Default: the client's default policy. */
  readonly retries?: RetryPolicy | false | undefined;
}

function basicAuth(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`, "utf8").toString("base64")}`;
}

async function readSpecFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new Error(`Could not read the spec file ${path} (${code})`);
  }
}

/** A spec object as given, a file's JSON, or an http(s) URL's JSON. */
export async function loadSpecSource(
  source: object | string,
  options: SpecSourceOptions = {},
): Promise<unknown> {
  if (typeof source !== "string") return source;
  if (!/^https?:\/\//i.test(source)) return parseSpecText(await readSpecFile(source));
  const headers: Record<string, string> = { Accept: "application/json" };
  const url = new URL(source);
  if (options.apiKey !== undefined) {
    // The client's rule: the key goes over https:, or http: to this machine only.
    if (url.protocol === "http:" && !LOOPBACK.test(url.href)) {
      throw new TypeError(
        `refused to send the API key over plain http: to ${url.host}; use https:`,
      );
    }
    headers.Authorization = basicAuth(options.apiKey);
  }
  // Through the client's own transport: retries, and a timeout that covers the body.
  let text: string;
  try {
    const sent = await send(
      {
        fetch: options.fetch ?? fetch,
        baseUrl: `${url.origin}/`,
        retry: resolveRetryPolicy(options.retries),
      },
      {
        method: "GET",
        target: url.pathname + url.search,
        headers,
        body: undefined,
        signal: undefined,
        timeout: options.timeout ?? 60_000,
      },
    );
    text = sent.text!;
  } catch (error) {
    const status = (error as { status_code?: unknown }).status_code;
    if (typeof status !== "number") throw error;
    const hint =
      status === 401 || status === 403 ? ": the API key is missing, expired or invalid" : "";
    throw new Error(`Could not download the spec from ${source}: HTTP ${status}${hint}`);
  }
  return parseSpecText(text);
}
