import { decodeFully } from "../checks/decode-fully.js";
import { isPlainObject } from "../checks/is-plain-object.js";
import { SpecError } from "../errors/spec-error.js";
import { isParamSegment, methodName, resourceName } from "../naming/method-name.js";
import { safeMemberName } from "../naming/safe-name.js";
import { RefResolver } from "./refs.js";
import { readingSpec } from "./spec-guard.js";
import { specText } from "./spec-text.js";
import type {
  ApiModel,
  HttpVerb,
  Operation,
  RawOperation,
  RawParameter,
  RawSpec,
  ResourceModel,
} from "./types.js";

const VERBS: ReadonlySet<string> = new Set<HttpVerb>([
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
]);

function specVersion(spec: Record<string, unknown>): ApiModel["version"] {
  if (spec.swagger === "2.0") return "2.0";
  if (typeof spec.openapi === "string") {
    if (/^3\.0(\.|$)/.test(spec.openapi)) return "3.0";
    if (/^3\.1(\.|$)/.test(spec.openapi)) return "3.1";
    throw new SpecError(`OpenAPI version "${spec.openapi}" is not supported (use 3.0 or 3.1)`);
  }
  if (spec.swagger !== undefined) {
    throw new SpecError(`Swagger version "${String(spec.swagger)}" is not supported (use 2.0)`);
  }
  throw new SpecError('it has neither a "swagger": "2.0" nor an "openapi": "3.x" field');
}

export function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

function specServer(spec: RawSpec): string | undefined {
  const url = specText(spec.servers?.[0]?.url);
  if (/^https?:\/\//i.test(url)) return withSlash(url);
  const host = specText(spec.host);
  if (host !== "") {
    const { schemes = [] } = spec;
    if (!Array.isArray(schemes)) throw new SpecError('"schemes" must be an array');
    const scheme = schemes.includes("https") ? "https" : (schemes[0] ?? "https");
    return withSlash(`${scheme}://${host}${spec.basePath ?? ""}`);
  }
  return undefined;
}

function deprecationOf(op: RawOperation, summary: string): string | undefined {
  const warning = specText(op["x-deprecation-warning"]).trim();
  if (warning !== "") return warning;
  if (/deprecated/i.test(summary)) return summary;
  if (op.deprecated === true) return "This operation is deprecated.";
  return undefined;
}

/** The resource of paths with no static first segment, such as GitHub's `GET /`. */
export const ROOT_RESOURCE = "root";

/** The first segment of a path, checked: `/Git-Repos/{id}` -> `Git-Repos`. */
function firstSegment(path: string): string {
  if (path[0] !== "/" || path[1] === "/") {
    throw new SpecError(
      `the path "${path}" must start with a single "/" (absolute URLs are refused)`,
    );
  }
  // The URL parser would resolve dot segments (however encoded, `\` counting as `/`)
  // out of the base URL's path, and end the path at a `?` or `#`.
  if (
    /[?#]/.test(path) ||
    (/[.%\\]/.test(path) && /(^|[/\\])\.\.?([/\\]|$)/.test(decodeFully(path)))
  ) {
    throw new SpecError(
      `the path "${path}" has a "." or ".." segment, a "?" or a "#", which would send requests elsewhere`,
    );
  }
  // indexOf and slice, not split: this runs for every path of every spec built.
  const end = path.indexOf("/", 1);
  return end < 0 ? path.slice(1) : path.slice(1, end);
}

function operationsOf(
  refs: RefResolver,
  spec: RawSpec,
  key: string,
  paths: readonly string[],
): Operation[] {
  const ops: Operation[] = [];
  const taken = new Set<string>();
  for (const rawPath of paths) {
    const item = refs.deref(spec.paths[rawPath]);
    if (!isPlainObject(item)) throw new SpecError(`the path item "${rawPath}" is not an object`);
    // civis-python calls paths without their trailing "/".
    const path = rawPath.replace(/\/+$/, "");
    const pathParams = path
      .split("/")
      .filter(isParamSegment)
      .map((s) => s.slice(1, -1));
    const pathItemParams = item.parameters as readonly RawParameter[] | undefined;
    for (const verb of Object.keys(item)) {
      // `parameters`, `$ref`, `summary`, `x-...` are not operations.
      if (!VERBS.has(verb)) continue;
      const raw = item[verb];
      if (!isPlainObject(raw)) {
        throw new SpecError(`${verb.toUpperCase()} ${rawPath} is not an object`);
      }
      const op = raw as RawOperation;
      const name = safeMemberName(methodName(verb, path), (n) => taken.has(n));
      taken.add(name);
      const summary = specText(op.summary);
      ops.push({
        resource: key,
        name,
        verb: verb as HttpVerb,
        path,
        pathParams,
        summary,
        deprecation: deprecationOf(op, summary),
        raw: op,
        pathItemParams,
      });
    }
  }
  return ops;
}

/**
 * Groups a spec's paths by resource and checks them. Operations are made per
 * resource on first use, so building a client reads little more than the path keys.
 */
export function normalizeSpec(input: unknown): ApiModel {
  if (!isPlainObject(input)) throw new SpecError("expected a JSON object");
  const version = specVersion(input);
  const spec = input as unknown as RawSpec;
  if (!isPlainObject(spec.paths)) throw new SpecError('it has no "paths" object');

  const refs = new RefResolver(spec);
  const grouped = new Map<string, string[]>();
  // Paths share few first segments (Civis: 675 paths, 41 segments): each segment's
  // resource key is worked out once.
  const bySegment = new Map<string, string[]>();
  for (const path of Object.keys(spec.paths)) {
    const first = firstSegment(path);
    let group = bySegment.get(first);
    if (!group) {
      // `/` and `/{id}` have no resource segment; their operations live on `client.root`
      // (README: "Methods"), so none is dropped.
      const key = first === "" || isParamSegment(first) ? ROOT_RESOURCE : resourceName(first);
      group = grouped.get(key) ?? [];
      grouped.set(key, group);
      bySegment.set(first, group);
    }
    group.push(path);
  }
  const resources = new Map<string, ResourceModel>();
  for (const [key, paths] of grouped) {
    let ops: Operation[] | undefined;
    resources.set(key, {
      key,
      operations: () => {
        ops ??= readingSpec(`the paths of "${key}"`, () => operationsOf(refs, spec, key, paths));
        return ops;
      },
    });
  }

  return {
    version,
    title: specText(spec.info?.title) || "API",
    server: specServer(spec),
    resources,
    refs,
  };
}
