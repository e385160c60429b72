import { badRequest, notFound } from "./api-error.js";
import type { Handler } from "./area.js";
import { HTTP_METHODS, type Parameter, type PathItem } from "./swagger.js";

export interface RouteOperation {
  readonly handler: Handler;
  readonly parameters: readonly Parameter[];
}

export interface Route {
  readonly segments: readonly string[];
  readonly staticCount: number;
  readonly operations: Readonly<Record<string, RouteOperation>>;
}

/** One route per spec path; every operation must have a handler and every handler an operation. */
export function compileRoutes(
  paths: Record<string, PathItem>,
  handlers: Record<string, Handler>,
): Route[] {
  const routes: Route[] = [];
  const unused = new Set(Object.keys(handlers));
  for (const [template, item] of Object.entries(paths)) {
    const segments = template.split("/").filter(Boolean);
    const operations: Record<string, RouteOperation> = {};
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${template}`;
      const handler = handlers[key];
      if (!handler) throw new Error(`Sample API has no handler for ${key}`);
      unused.delete(key);
      operations[method.toUpperCase()] = {
        handler,
        parameters: [...(item.parameters ?? []), ...operation.parameters],
      };
    }
    const staticCount = segments.filter((segment) => !segment.startsWith("{")).length;
    routes.push({ segments, staticCount, operations });
  }
  if (unused.size > 0) throw new Error(`Sample API handlers not in spec: ${[...unused]}`);
  // Most static segments first, so `/users/me` is never read as `/users/{id}`.
  return routes.sort((a, b) => b.staticCount - a.staticCount);
}

/** The path parameters of `parts` if they fit `route`, else null. */
export function matchRoute(route: Route, parts: readonly string[]): Record<string, string> | null {
  if (route.segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of route.segments.entries()) {
    const part = parts[i] ?? "";
    if (segment.startsWith("{")) params[segment.slice(1, -1)] = part;
    else if (segment !== part) return null;
  }
  return params;
}

function coerceQuery(parameter: Parameter, raw: string): string | number | boolean {
  const { name, type } = parameter;
  let value: string | number | boolean = raw;
  if (type === "integer") {
    if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be an integer.`);
    value = Number(raw);
  } else if (type === "boolean") {
    if (raw !== "true" && raw !== "false") throw badRequest(`${name} must be true or false.`);
    value = raw === "true";
  }
  if (parameter.enum && !parameter.enum.includes(value as string | number)) {
    throw badRequest(`${name} must be one of: ${parameter.enum.join(", ")}.`);
  }
  return value;
}

/** Path and query values, typed by the spec; a missing required query parameter is a 400. */
export function readParameters(
  parameters: readonly Parameter[],
  pathParams: Readonly<Record<string, string>>,
  searchParams: URLSearchParams,
): { params: Record<string, number | string>; query: Record<string, string | number | boolean> } {
  const params: Record<string, number | string> = {};
  const query: Record<string, string | number | boolean> = {};
  for (const parameter of parameters) {
    const { name } = parameter;
    if (parameter.in === "path") {
      const raw = pathParams[name] ?? "";
      // A non-numeric id names nothing that could exist, as on the real API.
      if (parameter.type === "integer" && !/^\d+$/.test(raw)) throw notFound();
      params[name] = parameter.type === "integer" ? Number(raw) : raw;
    } else if (parameter.in === "query") {
      const raw = searchParams.get(name);
      if (raw !== null) query[name] = coerceQuery(parameter, raw);
      else if (parameter.required) throw badRequest(`${name} is required.`);
      else if (parameter.default !== undefined) {
        query[name] = parameter.default as string | number | boolean;
      }
    }
  }
  return { params, query };
}
