import { decodeFully } from "../checks/decode-fully.js";
import { isPlainObject } from "../checks/is-plain-object.js";
import { SpecError } from "../errors/spec-error.js";
import { getAliasName, isParamSegment, methodName, resourceName } from "../naming/method-name.js";
import { MemberNames } from "../naming/safe-name.js";
import { answersListAnyway } from "./list-answers.js";
import { keepSource } from "./operation-detail.js";
import { RefResolver } from "./refs.js";
import { ResolvedSchemas } from "./resolved-schemas.js";
import { firstResponse } from "./responses.js";
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
  Schema,
} from "./types.js";

/** The keys of a path item that are operations (`HttpVerb`); a regex is fewer bytes than a Set. */
const VERB = /^(get|put|post|delete|options|head|patch|trace)$/;

function specVersion({ swagger, openapi }: Record<string, unknown>): ApiModel["version"] {
  if (swagger === "2.0") return swagger;
  if (typeof openapi === "string") {
    const minor = /^3\.([01])(\.|$)/.exec(openapi)?.[1];
    if (minor) return `3.${minor as "0" | "1"}`;
    throw new SpecError(`OpenAPI version "${openapi}" is not supported (use 3.0 or 3.1)`);
  }
  throw new SpecError(
    swagger === undefined
      ? 'it has neither a "swagger": "2.0" nor an "openapi": "3.x" field'
      : `Swagger version "${String(swagger)}" is not supported (use 2.0)`,
  );
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
  return (
    specText(op["x-deprecation-warning"]).trim() ||
    (/deprecated/i.test(summary)
      ? summary
      : op.deprecated === true
        ? "This operation is deprecated."
        : undefined)
  );
}

/** The resource of paths with no static first segment, such as GitHub's `GET /`. */
export const ROOT_RESOURCE = "root";

/** What may make a path leave the base URL's path (see `firstSegment`); most specs have none. */
const SUSPECT = /[?#.%\\]/;

/**
 * The first segment of a path, checked: `/Git-Repos/{id}` -> `Git-Repos`.
 * `suspect`: whether any path of the spec has a character `SUSPECT` looks for.
 */
function firstSegment(path: string, suspect: boolean): string {
  if (path[0] !== "/" || path[1] === "/") {
    throw new SpecError(
      `the path "${path}" must start with a single "/" (absolute URLs are refused)`,
    );
  }
  // The URL parser would resolve dot segments (however encoded, `\` counting as `/`, and
  // after dropping the tabs and newlines it ignores: `.<TAB>.` is `..`) out of the base
  // URL's path, and end the path at a `?` or `#`. This runs for every path of every spec
  // built: the slow check only for a path with such a character.
  if (
    suspect &&
    SUSPECT.test(path) &&
    (/[?#]/.test(path) ||
      /(^|[/\\])\.\.?([/\\]|$)/.test(decodeFully(path.replace(/[\t\n\r]/g, ""))))
  ) {
    throw new SpecError(
      `the path "${path}" has a "." or ".." segment, a "?" or a "#", which would send requests elsewhere`,
    );
  }
  // indexOf and slice, not split: this runs for every path of every spec built.
  const end = path.indexOf("/", 1);
  return end < 0 ? path.slice(1) : path.slice(1, end);
}

/**
 * Path parameter names in the order the spec lists them (path-level parameters
 * first, an operation-level one keeping the place of the path-level one it
 * overrides), then any the path names but the spec does not declare, in path order.
 * Malformed entries are skipped here: `operationDetail` reports them.
 */
function pathParamOrder(
  schemas: ResolvedSchemas,
  inPath: readonly string[],
  lists: readonly unknown[],
): string[] {
  const order = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const p: unknown = schemas.deref(entry);
      if (isPlainObject(p) && p.in === "path" && typeof p.name === "string") order.add(p.name);
    }
  }
  const declared = [...order].filter((name) => inPath.includes(name));
  return [...declared, ...inPath.filter((name) => !order.has(name))];
}

/** Whether the operation's answer is a list (see `Operation.returnsList`). */
function returnsList(
  schemas: ResolvedSchemas,
  verb: string,
  path: string,
  op: RawOperation,
): boolean {
  if (verb === "get" && answersListAnyway(path)) return true;
  // Only the top level is read: resolving the whole answer's schema waits for its first use.
  const schema = firstResponse(schemas, op, false).schema;
  return schema !== undefined && schema.type === "array";
}

function operationsOf(
  schemas: ResolvedSchemas,
  spec: RawSpec,
  key: string,
  paths: readonly string[],
): Operation[] {
  // Each operation is made with the name it wants, then named for real below.
  const ops: { -readonly [K in keyof Operation]: Operation[K] }[] = [];
  for (const rawPath of paths) {
    const item = schemas.deref(spec.paths[rawPath]);
    if (!isPlainObject(item)) throw new SpecError(`the path item "${rawPath}" is not an object`);
    // civis-python calls paths without their trailing "/".
    const path = rawPath.replace(/\/+$/, "");
    const inPath = path
      .split("/")
      .filter(isParamSegment)
      .map((s) => s.slice(1, -1));
    const pathItemParams = item.parameters as readonly RawParameter[] | undefined;
    for (const verb of Object.keys(item) as HttpVerb[]) {
      // `parameters`, `$ref`, `summary`, `x-...` are not operations.
      if (!VERB.test(verb)) continue;
      const raw = item[verb];
      if (!isPlainObject(raw)) {
        throw new SpecError(`${verb.toUpperCase()} ${rawPath} is not an object`);
      }
      const op = raw as RawOperation;
      const summary = specText(op.summary);
      const list = readingSpec(`the operation ${verb.toUpperCase()} ${path}`, () =>
        returnsList(schemas, verb, path, op),
      );
      const made = {
        resource: key,
        verb,
        path,
        pathParams: pathParamOrder(schemas, inPath, [pathItemParams, op.parameters]),
        summary,
        deprecation: deprecationOf(op, summary),
        returnsList: list,
        description: specText(op.description),
        name: methodName(verb, path),
        aliases: [] as string[],
      };
      keepSource(made, op, pathItemParams, schemas);
      ops.push(made);
    }
  }
  // Every operation's own name first, in spec order; only then the aliases, so an
  // alias never takes a name an operation would have had.
  const names = new MemberNames();
  for (const op of ops) op.name = names.claim(op.name);
  for (const op of ops) {
    const alias = op.returnsList ? undefined : getAliasName(op.verb, op.path);
    if (alias !== undefined && names.claimExact(alias)) op.aliases = [alias];
  }
  return ops;
}

/** The spec's named schemas, resolved: typegen names a type after the definition it comes from. */
function namedSchemas(spec: RawSpec, schemas: ResolvedSchemas): Map<Schema, string> {
  const names = new Map<Schema, string>();
  const { definitions, components } = spec as {
    definitions?: unknown;
    components?: { schemas?: unknown };
  };
  for (const group of [definitions, components?.schemas]) {
    if (!isPlainObject(group)) continue;
    for (const [name, schema] of Object.entries(group)) {
      const resolved = schemas.resolve(schema);
      if (isPlainObject(resolved) && !names.has(resolved)) names.set(resolved, name);
    }
  }
  return names;
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

  const schemas = new ResolvedSchemas(new RefResolver(spec));
  const grouped = new Map<string, string[]>();
  // Paths share few first segments (Civis: 675 paths, 41 segments): each segment's
  // resource key is worked out once.
  const bySegment = new Map<string, string[]>();
  const allPaths = Object.keys(spec.paths);
  // One test of all the paths at once, not one per path: a cold build of a spec of
  // hundreds of paths pays it once.
  const suspect = SUSPECT.test(allPaths.join(""));
  for (const path of allPaths) {
    const first = firstSegment(path, suspect);
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
  // The client's property names are decided here, once, for the client and typegen alike.
  const properties = new MemberNames();
  for (const [key, paths] of grouped) {
    let ops: Operation[] | undefined;
    resources.set(key, {
      key,
      property: properties.claim(key),
      operations: () => {
        ops ??= readingSpec(`the paths of "${key}"`, () => operationsOf(schemas, spec, key, paths));
        return ops;
      },
    });
  }

  let named: Map<Schema, string> | undefined;
  return {
    version,
    title: specText(spec.info?.title) || "API",
    server: specServer(spec),
    resources,
    namedSchemas: () => {
      named ??= namedSchemas(spec, schemas);
      return named;
    },
  };
}
