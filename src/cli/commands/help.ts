import type { APIClient } from "../../index.js";
import { helpText } from "../../internal.js";
import { findMethod, findResource } from "../lookup.js";
import { UsageError } from "../usage-error.js";

/** `civis help [resource [method]]`: the same text as `help(client)`, `help(client.x)`, `help(client.x.y)`. */
export function helpCommand(client: APIClient, words: readonly string[]): string {
  const [resourceName, methodName, ...extra] = words;
  if (extra.length > 0) throw new UsageError("civis help takes at most a resource and a method");
  if (resourceName === undefined) return helpText(client);
  const resource = findResource(client, resourceName);
  if (methodName === undefined) return helpText(resource);
  return helpText(findMethod(resource, resourceName, methodName));
}
