import { type APIClient, PaginatedResponse } from "../../index.js";
import { methodOperations, operationDetail } from "../../internal.js";
import { paramsFromFlags, paramsFromJsonBody } from "../flag-params.js";
import { findMethod, findResource } from "../lookup.js";
import type { CliContext } from "../open-client.js";
import type { FlagValues } from "../parse-args.js";
import { Progress } from "../progress.js";
import { UsageError } from "../usage-error.js";

/** Every item of every page, with a running count on a terminal. */
async function collect(pages: PaginatedResponse, context: CliContext): Promise<unknown[]> {
  const progress = new Progress(context.stderr);
  const items: unknown[] = [];
  try {
    for await (const item of pages) {
      items.push(item);
      progress.update(`Fetched ${items.length} items`);
    }
  } finally {
    progress.done();
  }
  return items;
}

/**
 * `civis <resource> <method> [path params...] [--name value ...]`: one call, by the
 * same rules as `client.<resource>.<method>(...pathParams, params)`. Resolves to the
 * answer; with `--iterator`, to every item of every page.
 */
export async function callCommand(
  client: APIClient,
  words: readonly string[],
  apiFlags: ReadonlyMap<string, FlagValues>,
  context: CliContext,
): Promise<unknown> {
  const [resourceName, methodName, ...pathValues] = words;
  if (methodName === undefined) {
    throw new UsageError(
      `which method of "${resourceName}"? \`civis help ${resourceName}\` lists them`,
    );
  }
  const method = findMethod(findResource(client, resourceName!), resourceName!, methodName);
  const meta = methodOperations.get(method)!;
  const detail = operationDetail(meta.op);
  if (pathValues.length !== detail.pathParams.length) {
    const names = detail.pathParams.map((p) => `<${p.snake}>`);
    throw new UsageError(
      `${resourceName} ${methodName} takes ${names.length} path parameter(s), got ${pathValues.length}: civis ${[resourceName, methodName, ...names].join(" ")} [--name value ...]`,
    );
  }
  const { options } = context;
  const params = {
    ...(options.jsonBody === undefined ? {} : paramsFromJsonBody(options.jsonBody, detail)),
    ...paramsFromFlags(apiFlags, detail),
    ...(options.iterator ? { iterator: true } : {}),
  };
  const result = await method(...pathValues, params);
  return result instanceof PaginatedResponse ? collect(result, context) : result;
}
