const PARAM_SEGMENT = /^\{.*\}$/;

export function isParamSegment(segment: string): boolean {
  return PARAM_SEGMENT.test(segment);
}

/** A path's first segment as a resource name: `Git-Repos` -> `git_repos`. */
export function resourceName(firstSegment: string): string {
  return firstSegment.toLowerCase().replaceAll("-", "_");
}

/**
 * The civis-python naming rule, as its `parse_method_name` does: the verb (`list`
 * for a GET whose last segment is static), then the static segments after the
 * first, and, where a `{parameter}` segment directly follows another, the name of
 * the earlier one (`/containers/{id}/{run_id}` -> `get_id`). With `alias`: civis-python
 * 2.9's `get_*` name instead (see `getAliasName`).
 */
export function methodName(verb: string, path: string): string;
export function methodName(verb: string, path: string, alias: true): string | undefined;
export function methodName(verb: string, path: string, alias?: true): string | undefined {
  const segments = path.split("/").filter((s) => s !== "");
  const parts: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    const previous = segments[i - 1]!;
    if (!isParamSegment(segment)) parts.push(segment);
    else if (i > 1 && isParamSegment(previous)) parts.push(previous.slice(1, -1));
  }
  const lower = verb.toLowerCase();
  // Stryker disable next-line StringLiteral: equivalent; for a path without segments any text that is no `{parameter}` gives the same answer
  const list = lower === "get" && !isParamSegment(segments.at(-1) ?? "");
  if (alias && !list) return undefined;
  return [alias ? "get" : list ? "list" : lower, ...parts].join("_").replaceAll("-", "_");
}

/**
 * civis-python 2.9's name for a GET whose last segment is static but whose answer
 * is not a list (`GET /users/me` -> `get_me`); undefined for any other operation.
 */
export function getAliasName(verb: string, path: string): string | undefined {
  return methodName(verb, path, true);
}
