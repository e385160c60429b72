import { getApiSpec, typegen } from "../../index.js";
import { loadSpecSource } from "../../internal-node.js";
import { requireApiKey } from "../api-key.js";
import { apiBaseUrl, type CliContext, keyForSpecUrl, specDownload } from "../open-client.js";

/**
 * `civis typegen [--spec file-or-url] [--out civis-api.d.ts] [--check]`. Without
 * `--spec`, the API's own spec is downloaded. Without `--out`, the declarations
 * are printed. Resolves to what to print, if anything.
 */
export async function typegenCommand(context: CliContext): Promise<string | undefined> {
  const { options } = context;
  // typegen()'s own check, made before the spec is loaded here.
  if (options.check && options.out === undefined)
    throw new TypeError("typegen(): `check` compares with a file, so it needs `out`");
  const source = options.spec;
  const baseUrl = apiBaseUrl(context);
  // Loaded here rather than by typegen(), so its retries are said on stderr as a call's are.
  const spec =
    source === undefined
      ? await getApiSpec(requireApiKey(context.key), {
          ...specDownload(context, baseUrl),
          baseUrl,
          userAgent: "civis-cli",
        })
      : ((await loadSpecSource(source, {
          ...specDownload(context, source),
          apiKey: keyForSpecUrl(context, source),
        })) as object);
  const result = await typegen({
    spec,
    ...(options.out === undefined ? {} : { out: options.out }),
    check: options.check,
    ...(options.typeName === undefined ? {} : { typeName: options.typeName }),
  });
  if (options.out === undefined) return result.text;
  const summary = `${result.operations} methods in ${result.resources} resources, ${result.schemas} schema types`;
  const action = options.check ? "is up to date" : result.changed ? "written" : "unchanged";
  context.stderr.write(`${options.out} ${action}: ${summary} (${Math.round(result.ms)} ms)\n`);
  return undefined;
}
