const PARAM_SEGMENT = /^\{.*\}$/;

export function isParamSegment(segment: string): boolean {
  return PARAM_SEGMENT.test(segment);
}

/** A path's first segment as a resource name: `Git-Repos` -> `git_repos`. */
export function resourceName(firstSegment: string): string {
  return firstSegment.toLowerCase().replaceAll("-", "_");
}

/**
 * The words after the verb: the static segments after the first, and, where a
 * `{parameter}` segment directly follows another, the name of the earlier one
 * (`/containers/{id}/{run_id}` -> `containers_id`), as civis-python's
 * `parse_method_name` does.
 */
function nameParts(path: string): { parts: string[]; staticEnd: boolean } {
  const segments = path.split("/").filter((s) => s !== "");
  const parts: string[] = [];
  let previous: string | undefined;
  for (const segment of segments.slice(1)) {
    const isParam = isParamSegment(segment);
    if (!isParam) parts.push(segment);
    else if (
      // Stryker disable next-line ConditionalExpression: equivalent; isParamSegment(undefined) tests "undefined", which is no parameter
      previous !== undefined &&
      isParamSegment(previous)
    )
      parts.push(previous.slice(1, -1));
    previous = segment;
  }
  // Stryker disable next-line StringLiteral: equivalent; for a path without segments any text that is no `{parameter}` gives the same answer
  return { parts, staticEnd: !isParamSegment(segments.at(-1) ?? "") };
}

function joined(head: string, parts: readonly string[]): string {
  return [head, ...parts].join("_").replaceAll("-", "_");
}

/**
 * The civis-python naming rule: the verb (`list` for a GET whose last segment is
 * static), then the words of `nameParts`.
 */
export function methodName(verb: string, path: string): string {
  const { parts, staticEnd } = nameParts(path);
  const lower = verb.toLowerCase();
  return joined(lower === "get" && staticEnd ? "list" : lower, parts);
}

/**
 * civis-python 2.9's name for a GET whose last segment is static but whose answer
 * is not a list (`GET /users/me` -> `get_me`); undefined for any other operation.
 */
export function getAliasName(verb: string, path: string): string | undefined {
  const { parts, staticEnd } = nameParts(path);
  return verb.toLowerCase() === "get" && staticEnd ? joined("get", parts) : undefined;
}
