import { ApiError, badRequest, errorBody } from "./api-error.js";
import type { Handler, HandlerResult, RawRequest, RawResult } from "./area.js";
import { AREAS, SEED_ORDER } from "./areas/index.js";
import { type Fault, faultError, parseFaultHeader } from "./faults.js";
import type { JsonObject } from "./json.js";
import { compileRoutes, matchRoute, type Route, readParameters } from "./routes.js";
import { sampleSpec } from "./sample-spec.js";
import type { SampleData } from "./store.js";
import type { Parameter, SwaggerSpec } from "./swagger.js";
import { validate } from "./validate.js";

const RATE_LIMIT = 1000;
const MAX_BODY_BYTES = 1_000_000;

const PAGINATION_HEADERS = [
  "X-Pagination-Current-Page",
  "X-Pagination-Per-Page",
  "X-Pagination-Total-Entries",
  "X-Pagination-Total-Pages",
];

// Sent on every answer, errors included: a browser hides the status and body of any
// cross-origin response that lacks them, which would make failures opaque.
const BASE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/json",
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers":
    "Authorization, Content-Type, Accept, X-Sample-Fault, X-Civis-Job-ID, X-Civis-Run-ID",
  "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "Access-Control-Expose-Headers": [
    ...PAGINATION_HEADERS,
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "Retry-After",
    "civis-max-id",
    "civis-cache-control",
  ].join(", "),
  "X-RateLimit-Limit": String(RATE_LIMIT),
};

export interface SampleApiOptions {
  /** The key clients must send as `Authorization: Basic base64(apiKey + ":")`. Default `demo-key`. */
  apiKey?: string;
  /** Accept any key, or none: for a client in a test that has no key to give. Default false. */
  acceptAnyKey?: boolean;
  /** A prefix (e.g. "/api") under which the API is mounted. */
  basePath?: string;
  /** The API's clock in ms (runs and logs move by it). Default `Date.now`. */
  now?: () => number;
}

/** An answer before it is put on the wire. */
export interface SampleAnswer {
  status: number;
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
}

/** What `respond` needs of a request, whatever carried it. */
interface IncomingRequest {
  method: string;
  target: string;
  header(name: string): string | null;
  bytes(limit?: number): Promise<Uint8Array>;
  host: string | undefined;
  scheme: string;
}

/**
 * What `handle` reads of a Node `http` request (an `IncomingMessage` is one), written out so that
 * civis/testing's types need no Node types: a browser project has none.
 */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>> & {
    readonly host?: string | undefined;
  };
  readonly socket?: unknown;
}

/** What `handle` calls on a Node `http` response (a `ServerResponse` is one). */
export interface NodeResponseLike {
  writeHead(status: number, headers?: Record<string, string>): unknown;
  end(body?: string | Uint8Array): unknown;
}

export interface SampleApi {
  readonly spec: SwaggerSpec;
  readonly apiKey: string;
  readonly basePath: string;
  /** Requests seen, keyed by "METHOD /path" (path without basePath or query). */
  readonly stats: Record<string, number>;
  /** The live in-memory records, for assertions. */
  readonly data: SampleData;
  /** Answers a Node `http` request; resolves to false, untouched, when the path is not ours. */
  handle(req: NodeRequestLike, res: NodeResponseLike): Promise<boolean>;
  /** A WHATWG `fetch`: pass it to a client to talk to this API without a socket. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Makes the next `times` requests (any route but /endpoints) fail with `status`. */
  injectFault(fault?: { status?: number; retryAfter?: number; times?: number }): void;
  /** Restores the seed data and forgets stats, faults and the rate-limit count. */
  reset(): void;
}

function normalizeBasePath(basePath: string | undefined): string {
  const trimmed = String(basePath ?? "").replace(/\/+$/, "");
  if (trimmed === "") return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

function isAuthorized(authorization: string | null, apiKey: string): boolean {
  const match = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return false;
  try {
    const bytes = Uint8Array.from(atob(match[1] ?? ""), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes) === `${apiKey}:`;
  } catch {
    return false;
  }
}

function seedData(): SampleData {
  // Each area adds its own collections; the cast is what declaration merging promises.
  const data = { currentUserId: 1, nextId: {} } as unknown as SampleData;
  for (const area of SEED_ORDER) area.seed?.(data);
  return data;
}

const decodeSegment = (part: string): string => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

/** Creates an in-memory sample API, with fresh seed data. */
export function createSampleApi({
  apiKey = "demo-key",
  acceptAnyKey = false,
  basePath = "",
  now = Date.now,
}: SampleApiOptions = {}): SampleApi {
  const spec = sampleSpec();
  const prefix = normalizeBasePath(basePath);
  const handlers: Record<string, Handler> = Object.assign({}, ...AREAS.map((a) => a.handlers));
  const routes = compileRoutes(spec.paths, handlers);
  const stats: Record<string, number> = {};
  let data = seedData();
  let requestCount = 0;
  let injectedFaults: (Fault & { remaining: number })[] = [];
  const headerFaultCounts = new Map<string, number>();

  // Shapes a stored record like a definition: every declared property, in order, with null
  // for anything unset, and nothing internal (e.g. `workflowId`).
  const views = new Map<string, (record: object) => JsonObject>();
  const view = (name: string) => {
    let shape = views.get(name);
    if (!shape) {
      const keys = Object.keys(spec.definitions[name]?.properties ?? {});
      shape = (record: object) =>
        Object.fromEntries(
          keys.map((key) => [key, (record as JsonObject)[key] ?? null]),
        ) as JsonObject;
      views.set(name, shape);
    }
    return shape;
  };

  function localPath(pathname: string): string | null {
    let path = pathname;
    if (prefix) {
      if (path !== prefix && !path.startsWith(`${prefix}/`)) return null;
      path = path.slice(prefix.length);
    }
    return path.replace(/\/+$/, "") || "/";
  }

  function findRoutes(path: string) {
    const parts = path.split("/").filter(Boolean).map(decodeSegment);
    return routes.flatMap((route) => {
      const params = matchRoute(route, parts);
      return params ? [{ route, params }] : [];
    });
  }

  function takeHeaderFault(value: string | null): void {
    if (!value) return;
    const fault = parseFaultHeader(value);
    if (!fault) throw badRequest(`Invalid X-Sample-Fault header: ${value}`);
    const served = headerFaultCounts.get(value) ?? 0;
    if (served >= fault.times) return;
    headerFaultCounts.set(value, served + 1);
    throw faultError(fault);
  }

  function takeInjectedFault(): void {
    const fault = injectedFaults[0];
    if (!fault) return;
    fault.remaining -= 1;
    if (fault.remaining <= 0) injectedFaults.shift();
    throw faultError(fault);
  }

  async function readJsonBody(parameter: Parameter, request: IncomingRequest): Promise<unknown> {
    const text = new TextDecoder().decode(await request.bytes());
    if (text.trim() === "") {
      if (parameter.required) throw badRequest("A JSON request body is required.");
      return undefined;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw badRequest("The request body is not valid JSON.");
    }
    const problems = validate(spec.definitions, parameter.schema, body, "", []);
    if (problems.length > 0) {
      throw new ApiError(422, "unprocessable_entity", problems.join(" "));
    }
    return body;
  }

  async function route(
    method: string,
    path: string,
    matches: { route: Route; params: Record<string, string> }[],
    url: URL,
    request: IncomingRequest,
  ): Promise<HandlerResult> {
    if (path === "/endpoints") {
      if (method !== "GET") {
        throw new ApiError(405, "method_not_allowed", "Use GET.", { Allow: "GET, OPTIONS" });
      }
      // Point clients back at whoever served the spec, wherever that is.
      const document = structuredClone(spec);
      if (request.host) document.host = request.host;
      document.schemes = [request.scheme];
      if (prefix) document.basePath = prefix;
      return { status: 200, body: document as unknown as JsonObject };
    }
    takeInjectedFault();
    const match = matches.find((m) => m.route.operations[method]);
    const operation = match?.route.operations[method];
    if (!match || !operation) {
      const allowed = [...new Set(matches.flatMap((m) => Object.keys(m.route.operations)))];
      throw new ApiError(405, "method_not_allowed", `Use ${allowed.join(", ")}.`, {
        Allow: [...allowed, "OPTIONS"].join(", "),
      });
    }
    const { handler, parameters } = operation;
    const { params, query } = readParameters(parameters, match.params, url.searchParams);
    const bodyParameter = parameters.find((p) => p.in === "body");
    const body = bodyParameter ? await readJsonBody(bodyParameter, request) : undefined;
    const origin = `${request.scheme}://${request.host ?? url.host}${prefix}`;
    return handler({ data, params, query, body, view, now, origin });
  }

  async function answerRaw(request: IncomingRequest, url: URL): Promise<RawResult | null> {
    const raw: RawRequest = {
      method: request.method.toUpperCase(),
      url,
      header: request.header,
      bytes: request.bytes,
    };
    for (const area of AREAS) {
      const result = await area.raw?.(raw, data, now());
      if (result) return result;
    }
    return null;
  }

  // The transport-neutral core. Resolves to null when the path is not ours.
  async function respond(request: IncomingRequest): Promise<SampleAnswer | null> {
    const method = request.method.toUpperCase();
    const url = new URL(request.target, "http://sample-api.invalid");
    const raw = await answerRaw(request, url);
    if (raw) return { status: raw.status, headers: raw.headers ?? {}, body: raw.body };
    const path = localPath(url.pathname);
    if (path === null) return null;
    const matches = path === "/endpoints" ? [] : findRoutes(path);
    if (path !== "/endpoints" && matches.length === 0) return null;

    const statsKey = `${method} ${path}`;
    stats[statsKey] = (stats[statsKey] ?? 0) + 1;
    requestCount += 1;
    const headers: Record<string, string> = {
      ...BASE_HEADERS,
      "X-RateLimit-Remaining": String(RATE_LIMIT - 1 - ((requestCount - 1) % RATE_LIMIT)),
    };

    try {
      // Preflights never carry credentials, so they must succeed without them.
      if (method === "OPTIONS") {
        return { status: 204, headers: { ...headers, "Access-Control-Max-Age": "600" } };
      }
      // Deliberately no WWW-Authenticate header: it would make browsers pop up a login
      // dialog instead of letting the client handle the 401.
      if (!acceptAnyKey && !isAuthorized(request.header("authorization"), apiKey)) {
        throw new ApiError(401, "invalid_token", "The access token is invalid");
      }
      takeHeaderFault(request.header("x-sample-fault"));
      const result = await route(method, path, matches, url, request);
      return {
        status: result.status,
        headers: { ...headers, ...result.headers },
        body: result.body === undefined ? undefined : JSON.stringify(result.body),
      };
    } catch (error) {
      const failure =
        error instanceof ApiError
          ? error
          : new ApiError(
              500,
              "internal_server_error",
              String((error as Error | undefined)?.message ?? error),
            );
      return {
        status: failure.status,
        headers: { ...headers, ...failure.headers },
        body: errorBody(failure.status, failure.error, failure.message),
      };
    }
  }

  async function handle(req: NodeRequestLike, res: NodeResponseLike): Promise<boolean> {
    const forwardedProto = String(req.headers["x-forwarded-proto"] ?? "")
      .split(",")[0]
      ?.trim();
    const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted;
    const result = await respond({
      method: req.method ?? "GET",
      target: req.url ?? "/",
      header: (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(", ") : (value ?? null);
      },
      bytes: (limit) => readNodeBody(req, limit),
      host: req.headers.host,
      scheme: forwardedProto || (encrypted ? "https" : "http"),
    });
    if (!result) return false;
    res.writeHead(result.status, result.headers);
    res.end(result.body);
    return true;
  }

  async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const result = (await respond({
      method: request.method,
      target: request.url,
      header: (name) => request.headers.get(name),
      bytes: async () => new Uint8Array(await request.arrayBuffer()),
      host: url.host,
      scheme: url.protocol.replace(/:$/, ""),
    })) ?? {
      status: 404,
      headers: { ...BASE_HEADERS },
      body: errorBody(404, "not_found", "The requested resource could not be found."),
    };
    // A 204 or 304 may not have a body, even an empty one.
    const body = result.status === 204 || result.status === 304 ? null : (result.body ?? null);
    return new Response(body as BodyInit | null, {
      status: result.status,
      headers: result.headers,
    });
  }

  function injectFault({
    status = 503,
    retryAfter,
    times = 1,
  }: {
    status?: number;
    retryAfter?: number;
    times?: number;
  } = {}): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(`injectFault: status must be an HTTP error status, got ${status}`);
    }
    if (!Number.isInteger(times) || times < 1) {
      throw new RangeError(`injectFault: times must be a positive integer, got ${times}`);
    }
    injectedFaults.push({ status, retryAfter, times, remaining: times });
  }

  function reset(): void {
    data = seedData();
    for (const key of Object.keys(stats)) delete stats[key];
    requestCount = 0;
    injectedFaults = [];
    headerFaultCounts.clear();
  }

  return {
    spec,
    apiKey,
    basePath: prefix,
    stats,
    get data() {
      return data;
    },
    handle,
    fetch,
    injectFault,
    reset,
  };
}

async function readNodeBody(
  req: AsyncIterable<Uint8Array | string>,
  limit = MAX_BODY_BYTES,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.length;
    if (size > limit) {
      throw new ApiError(413, "payload_too_large", "The request body is too large.");
    }
    chunks.push(bytes);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}
