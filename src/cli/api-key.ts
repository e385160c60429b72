import { readFile } from "node:fs/promises";
import { CivisAPIKeyError } from "../index.js";
import type { CliOptions } from "./cli-options.js";

/** The key and whether the user named it on this command line (then it may go to any spec URL). */
export interface ApiKeySource {
  readonly apiKey: string | undefined;
  readonly explicit: boolean;
}

/** `--api-key`, else the first line of `--api-key-file`, else `CIVIS_API_KEY`. */
export async function apiKeyOf(
  options: CliOptions,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ApiKeySource> {
  if (options.apiKey !== undefined) return { apiKey: options.apiKey, explicit: true };
  if (options.apiKeyFile !== undefined) {
    let text: string;
    try {
      text = await readFile(options.apiKeyFile, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      throw new CivisAPIKeyError(`Could not read --api-key-file ${options.apiKeyFile} (${code})`);
    }
    const key = text.split(/\r?\n/, 1)[0]!.trim();
    if (key === "") throw new CivisAPIKeyError(`--api-key-file ${options.apiKeyFile} is empty`);
    return { apiKey: key, explicit: true };
  }
  return { apiKey: env.CIVIS_API_KEY || undefined, explicit: false };
}

/** The key, or a message that says how to give one. */
export function requireApiKey(source: ApiKeySource): string {
  if (source.apiKey === undefined) {
    throw new CivisAPIKeyError(
      "No API key: set CIVIS_API_KEY, or pass --api-key-file <file> (a file whose first line is the key)",
    );
  }
  return source.apiKey;
}
