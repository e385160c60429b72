import { writeFile } from "node:fs/promises";
import { getApiSpec } from "../../index.js";
import { requireApiKey } from "../api-key.js";
import { apiBaseUrl, type CliContext, specDownload } from "../open-client.js";

/**
 * `civis spec [--out file]`: downloads the spec, as `cacheApiSpec()` does, to
 * `--out`, or prints it. Resolves to what to print, if anything.
 */
export async function specCommand(context: CliContext): Promise<string | undefined> {
  const baseUrl = apiBaseUrl(context);
  const spec = await getApiSpec(requireApiKey(context.key), {
    ...specDownload(context, baseUrl),
    baseUrl,
    userAgent: "civis-cli",
  });
  const text = JSON.stringify(spec);
  const { out } = context.options;
  if (out === undefined) return text;
  await writeFile(out, text);
  context.stderr.write(`Wrote the API spec to ${out}\n`);
  return undefined;
}
