import { type GetApiSpecOptions, getApiSpec } from "./get-api-spec.js";

export interface CacheApiSpecOptions extends GetApiSpecOptions {
  readonly apiKey?: string;
}

/** Node: downloads the spec and writes it to a file (default `~/.civis_api_spec.json`); resolves to the path. */
export async function cacheApiSpec(
  path?: string,
  options: CacheApiSpecOptions = {},
): Promise<string> {
  // Checked before the download: `cacheApiSpec({ apiKey })` would otherwise download
  // without the key, then fail to write to an object.
  if (path !== undefined && typeof path !== "string") {
    throw new TypeError("cacheApiSpec(path?, options): path must be a file path (a string)");
  }
  const { apiKey, ...rest } = options;
  const spec = await getApiSpec(apiKey, rest);
  const [{ writeFile }, { homedir }, { join }] = await Promise.all([
    import("node:fs/promises"),
    import("node:os"),
    import("node:path"),
  ]);
  const target = path ?? join(homedir(), ".civis_api_spec.json");
  await writeFile(target, JSON.stringify(spec));
  return target;
}
