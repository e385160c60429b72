import {
  type ApiModel,
  modelOf,
  type Operation,
  operationDetail,
  type Param,
} from "../internal.js";

/** What a handler receives: the call as the server would see it, by the spec's own names. */
export interface MockArgs {
  /** Path parameters by their spec names, typed by the spec (an integer id is a number). */
  readonly path: Readonly<Record<string, string | number | boolean>>;
  /** Query parameters by their spec names (`tags[]=a&tags[]=b` as `tags: ["a", "b"]`), typed by the spec. */
  readonly query: Readonly<Record<string, unknown>>;
  /** The parsed JSON body, or undefined. */
  readonly body: unknown;
  /** The request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
}

/** A full answer: a handler returns this, a plain body (200, or 204 when undefined), or a `Response`. */
export interface MockAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** One method's handler. */
export type MockHandler = (args: MockArgs) => unknown;

interface Route {
  readonly name: string;
  readonly op: Operation;
  readonly verb: string;
  readonly segments: readonly string[];
  readonly literals: number;
}

const ANSWER_KEYS = new Set(["status", "headers", "body"]);

function isAnswer(value: unknown): value is MockAnswer {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as MockAnswer).status === "number" &&
    Object.keys(value).every((key) => ANSWER_KEYS.has(key))
  );
}

function json(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const empty = body === undefined || status === 204 || status === 304;
  return new Response(empty ? null : JSON.stringify(body), {
    status,
    headers: { ...(empty ? {} : { "Content-Type": "application/json" }), ...headers },
  });
}

/**
 * A value typed as the spec's parameter says: integers and numbers as numbers, booleans as
 * booleans; an item of an array (`ids[]=1`) by the array's `items`. OpenAPI 3.1 may list
 * types (`["integer", "null"]`).
 */
function typed(param: Param | undefined, raw: string): string | number | boolean {
  let schema = param?.schema;
  if ([schema?.type].flat().includes("array")) schema = schema?.items;
  const types = [schema?.type].flat();
  if (
    (types.includes("integer") || types.includes("number")) &&
    raw.trim() !== "" &&
    !Number.isNaN(+raw)
  )
    return +raw;
  if (types.includes("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

/** The routes of a spec, most literal segments first, so `/users/me` never reads as `/users/{id}`. */
function routesOf(model: ApiModel): Route[] {
  const routes: Route[] = [];
  for (const resource of model.resources.values()) {
    for (const op of resource.operations()) {
      const segments = op.path.split("/").filter(Boolean);
      routes.push({
        name: `${op.resource}.${op.name}`,
        op,
        verb: op.verb.toUpperCase(),
        segments,
        literals: segments.filter((segment) => !segment.startsWith("{")).length,
      });
    }
  }
  return routes.sort((a, b) => b.literals - a.literals || b.segments.length - a.segments.length);
}

/** The path parameters if the URL's last segments fit the route, else undefined. */
function match(route: Route, parts: readonly string[]): Record<string, string> | undefined {
  const { segments } = route;
  if (parts.length < segments.length) return undefined;
  // The route is matched at the end of the path, so any base path (`/api/`) before it works.
  const tail = parts.slice(parts.length - segments.length);
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const part = tail[i] as string;
    if (segment.startsWith("{")) params[segment.slice(1, -1)] = part;
    else if (segment !== part) return undefined;
  }
  return params;
}

/**
 * A `fetch` that answers calls from handlers keyed by method name, resolved through
 * the spec's real paths (msw's idea, by method name): pass it as the client's
 * `fetch`. `GET /endpoints` answers the spec itself, so `APIClient.create()` works
 * too (unless a handler answers it). A call without a handler is a 501 naming the
 * method; a path the spec does not have is a 404. A handler may be named by a method's
 * `get_*` alias; one for a method the spec lacks is a TypeError here.
 *
 * ```ts
 * const fetch = mockFetch(spec, { "workflows.get": ({ path }) => ({ id: path.id, name: "w" }) });
 * const client = new APIClient({ localApiSpec: spec, fetch, apiKey: "test" });
 * ```
 */
export function mockFetch(
  spec: object,
  handlers: Readonly<Record<string, MockHandler>>,
): typeof globalThis.fetch {
  if (typeof spec !== "object" || spec === null) {
    throw new TypeError("mockFetch: the first argument must be a spec object");
  }
  if (typeof handlers !== "object" || handlers === null) {
    throw new TypeError('mockFetch: handlers must be an object { "resource.method": handler }');
  }
  const model = modelOf(spec);
  const routes = routesOf(model);
  // A method's name, or its civis-python `get_*` alias (the client's same function): its route.
  const names = new Map<string, string>();
  for (const { name, op } of routes) {
    for (const alias of [op.name, ...op.aliases]) names.set(`${op.resource}.${alias}`, name);
  }
  const handlerOf = new Map<string, MockHandler>();
  for (const [name, handler] of Object.entries(handlers)) {
    const route = names.get(name);
    if (!route) throw new TypeError(`mockFetch: the spec has no method "${name}"`);
    if (typeof handler !== "function") {
      throw new TypeError(`mockFetch: the handler for "${name}" must be a function`);
    }
    if (handlerOf.has(route)) {
      throw new TypeError(
        `mockFetch: "${name}" is another name of "${route}"; give it one handler`,
      );
    }
    handlerOf.set(route, handler);
  }
  const specText = JSON.stringify(spec);

  return async (input, init) => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const where = `${request.method} ${url.pathname}`;
    let found: { route: Route; params: Record<string, string> } | undefined;
    for (const route of routes) {
      const params = route.verb === request.method ? match(route, parts) : undefined;
      if (params) {
        found = { route, params };
        break;
      }
    }
    const handler = found && handlerOf.get(found.route.name);
    if (!found || !handler) {
      // The spec download, unless a handler answers it: the Civis spec lists /endpoints too.
      if (request.method === "GET" && parts.at(-1) === "endpoints") {
        return new Response(specText, { headers: { "Content-Type": "application/json" } });
      }
      return found
        ? json(501, { errorDescription: `mockFetch has no handler for "${found.route.name}"` })
        : json(404, { errorDescription: `mockFetch: the spec has no operation for ${where}` });
    }
    const { route, params } = found;

    const detail = operationDetail(route.op);
    const byName = new Map(detail.pathParams.map((param) => [param.name, param]));
    const path = Object.fromEntries(
      Object.entries(params).map(([name, raw]) => [name, typed(byName.get(name), raw)]),
    );
    const query: Record<string, unknown> = {};
    for (const [key, raw] of url.searchParams) {
      const name = key.endsWith("[]") ? key.slice(0, -2) : key;
      const value = typed(detail.byName.get(name), raw);
      if (key.endsWith("[]")) query[name] = [...((query[name] as unknown[]) ?? []), value];
      else query[name] = value;
    }
    const text = await request.text();
    const args: MockArgs = {
      path,
      query,
      body: text === "" ? undefined : JSON.parse(text),
      headers: Object.fromEntries(request.headers),
    };
    // A handler's mistake is an answer naming it: thrown out of this fetch, it would read as a
    // lost connection ("offline, DNS, or CORS?"), and be retried.
    const failed = (error: unknown, what: string): Response =>
      json(500, {
        errorDescription: `mockFetch: "${route.name}" ${what}: ${error instanceof Error ? error.message : String(error)}`,
      });
    let result: unknown;
    try {
      result = await handler(args);
    } catch (error) {
      return failed(error, "threw");
    }
    request.signal.throwIfAborted();
    if (result instanceof Response) return result;
    try {
      if (isAnswer(result)) return json(result.status, result.body, result.headers);
      return json(result === undefined ? 204 : 200, result);
    } catch (error) {
      // A body JSON cannot carry (a BigInt, a cycle), or a status a Response cannot have.
      return failed(error, "gave an answer that cannot be sent");
    }
  };
}
