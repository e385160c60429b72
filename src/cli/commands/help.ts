import type { APIClient } from "../../index.js";
import { helpText } from "../../internal.js";
import { findMethod, findResource } from "../lookup.js";
import { UsageError } from "../usage-error.js";

/** The closing advice of `help(client)`, which names the library's call. */
const LIBRARY_ADVICE = /^Call help\(client\.<resource>\) to list its methods\.$/m;
const CLI_ADVICE =
  "Run `civis help <resource>` to list its methods, `civis help <resource> <method>` for one.";

/**
 * `civis help [resource [method]]`: the same text as `help(client)`, `help(client.x)`,
 * `help(client.x.y)`, except that the client's closing advice names the CLI's command.
 */
export function helpCommand(client: APIClient, words: readonly string[]): string {
  const [resourceName, methodName, ...extra] = words;
  if (extra.length > 0) throw new UsageError("civis help takes at most a resource and a method");
  if (resourceName === undefined) return helpText(client).replace(LIBRARY_ADVICE, CLI_ADVICE);
  const resource = findResource(client, resourceName);
  if (methodName === undefined) return helpText(resource);
  return helpText(findMethod(resource, resourceName, methodName));
}
