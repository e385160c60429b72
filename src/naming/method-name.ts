const PARAM_SEGMENT = /^\{.*\}$/;

export function isParamSegment(segment: string): boolean {
  return PARAM_SEGMENT.test(segment);
}

/** A path's first segment as a resource name: `Git-Repos` -> `git_repos`. */
export function resourceName(firstSegment: string): string {
  return firstSegment.toLowerCase().replaceAll("-", "_");
}

/**
 * The civis-python naming rule: the verb (`list` for a GET whose last segment is
 * static), then the static segments after the first, plus a parameter segment that
 * directly follows another parameter segment.
 */
export function methodName(verb: string, path: string): string {
  const segments = path.split("/").filter((s) => s !== "");
  const parts: string[] = [];
  let afterParam = false;
  for (const segment of segments.slice(1)) {
    const isParam = isParamSegment(segment);
    if (!isParam) parts.push(segment);
    else if (afterParam) parts.push(segment.slice(1, -1));
    afterParam = isParam;
  }
  const lower = verb.toLowerCase();
  const head = lower === "get" && !isParamSegment(segments.at(-1) ?? "") ? "list" : lower;
  return [head, ...parts].join("_").replaceAll("-", "_");
}
