import type { CivisMethod } from "../index.js";
import { UsageError } from "./usage-error.js";

/** A name as typed, then in snake_case: `json-values` finds `json_values`. */
function spellings(name: string): string[] {
  return [...new Set([name, name.replaceAll("-", "_"), name.replaceAll("-", "_").toLowerCase()])];
}

/** The member `name` of a client or resource; inherited members (`constructor`, `toString`) never match. */
function ownMember(target: object, name: string): unknown {
  for (const spelling of spellings(name)) {
    if (Object.hasOwn(target, spelling)) return (target as Record<string, unknown>)[spelling];
  }
  return undefined;
}

export function findResource(client: object, name: string): object {
  const resource = ownMember(client, name);
  if (typeof resource !== "object" || resource === null) {
    throw new UsageError(`unknown resource "${name}"; \`civis help\` lists them`);
  }
  return resource;
}

export function findMethod(resource: object, resourceName: string, name: string): CivisMethod {
  const method = ownMember(resource, name);
  if (typeof method !== "function") {
    throw new UsageError(
      `the resource "${resourceName}" has no method "${name}"; \`civis help ${resourceName}\` lists them`,
    );
  }
  return method as CivisMethod;
}
