import { readFile } from "node:fs/promises";
import { parseSpecText } from "../description/parse-spec-text.js";

/** Where `typegen()` reads a spec from. */
export interface SpecSourceOptions {
  /** Sent as HTTP Basic auth to a spec URL (and only there); never to a file. */
  readonly apiKey?: string | undefined;
  readonly fetch?: typeof fetch | undefined;
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
  if (options.apiKey !== undefined) headers.Authorization = basicAuth(options.apiKey);
  const response = await (options.fetch ?? fetch)(source, { headers });
  if (!response.ok) {
    const hint =
      response.status === 401 || response.status === 403
        ? ": the API key is missing, expired or invalid"
        : "";
    throw new Error(`Could not download the spec from ${source}: HTTP ${response.status}${hint}`);
  }
  return parseSpecText(await response.text());
}
