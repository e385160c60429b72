import { getApiSpec, typegen } from "../../index.js";
import { requireApiKey } from "../api-key.js";
import { apiBaseUrl, type CliContext, keyForSpecUrl } from "../open-client.js";
import { specDownloadProgress } from "../progress.js";

/**
 * `civis typegen [--spec file-or-url] [--out civis-api.d.ts] [--check]`. Without
 * `--spec`, the API's own spec is downloaded. Without `--out`, the declarations
 * are printed. Resolves to what to print, if anything.
 */
export async function typegenCommand(context: CliContext): Promise<string | undefined> {
  const { options } = context;
  const fetchImpl = specDownloadProgress(globalThis.fetch, context.stderr);
  const source = options.spec;
  const spec =
    source ??
    (await getApiSpec(requireApiKey(context.key), {
      baseUrl: apiBaseUrl(context),
      userAgent: "civis-cli",
      fetch: fetchImpl,
    }));
  const apiKey = typeof source === "string" ? keyForSpecUrl(context, source) : undefined;
  const result = await typegen({
    spec,
    ...(options.out === undefined ? {} : { out: options.out }),
    check: options.check,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.typeName === undefined ? {} : { typeName: options.typeName }),
    fetch: fetchImpl,
  });
  if (options.out === undefined) return result.text;
  const summary = `${result.operations} methods in ${result.resources} resources, ${result.schemas} schema types`;
  const action = options.check ? "is up to date" : result.changed ? "written" : "unchanged";
  context.stderr.write(`${options.out} ${action}: ${summary} (${Math.round(result.ms)} ms)\n`);
  return undefined;
}
