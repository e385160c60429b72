// An in-memory, Civis-like API behind the spec in ./spec.mjs.
//
// `createSampleApi()` returns an object that can answer Node `http` requests
// (`handle`) or WHATWG `Request`s (`fetch`), so the same fake serves the demo
// server, the browser tests and socket-free unit tests. Behaviour is driven by
// the spec where possible (routing, parameter parsing, body validation, response
// shapes) so the fake cannot silently drift away from the document it serves.

import { Buffer } from "node:buffer";
import { seedData } from "./seed.mjs";
import { sampleSpec } from "./spec.mjs";

const RATE_LIMIT = 1000;
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;
const MAX_BODY_BYTES = 1_000_000;
const HTTP_METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];

const PAGINATION_HEADERS = [
  "X-Pagination-Current-Page",
  "X-Pagination-Per-Page",
  "X-Pagination-Total-Entries",
  "X-Pagination-Total-Pages",
];

// Sent on every answer, errors included: a browser hides the status and body of
// any cross-origin response that lacks them, which would make failures opaque.
const BASE_HEADERS = {
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
  ].join(", "),
  "X-RateLimit-Limit": String(RATE_LIMIT),
};

const FAULT_ERRORS = {
  429: ["too_many_requests", "Rate limit exceeded. Please retry later."],
  500: ["internal_server_error", "An unexpected error occurred."],
  502: ["bad_gateway", "The upstream service returned an invalid response."],
  503: ["service_unavailable", "The service is temporarily unavailable. Please retry later."],
  504: ["gateway_timeout", "The upstream service timed out."],
};

class ApiError extends Error {
  constructor(status, error, errorDescription, headers = {}) {
    super(errorDescription);
    this.status = status;
    this.error = error;
    this.headers = headers;
  }
}

const notFound = () => new ApiError(404, "not_found", "The requested resource could not be found.");
const badRequest = (description) => new ApiError(400, "bad_request", description);

function faultError({ status, retryAfter }) {
  const [error, description] = FAULT_ERRORS[status] ?? ["injected_fault", "Injected fault."];
  const headers = retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
  if (status === 429) headers["X-RateLimit-Remaining"] = "0";
  return new ApiError(status, error, description, headers);
}

// `503;retry-after=1;times=1`. Unknown keys (e.g. `id=test-7`) are allowed so a
// test can start a fresh counter by making its header value unique.
function parseFaultHeader(value) {
  const [statusText, ...options] = value.split(";").map((part) => part.trim());
  const status = Number(statusText);
  if (!Number.isInteger(status) || status < 400 || status > 599) return null;
  const fault = { status, retryAfter: undefined, times: 1 };
  for (const option of options) {
    const [key = "", raw = ""] = option.split("=").map((part) => part.trim());
    const n = Number(raw);
    if (key.toLowerCase() === "retry-after") {
      if (raw === "" || !Number.isInteger(n) || n < 0) return null;
      fault.retryAfter = n;
    } else if (key.toLowerCase() === "times") {
      if (!Number.isInteger(n) || n < 1) return null;
      fault.times = n;
    }
  }
  return fault;
}

function isAuthorized(authorization, apiKey) {
  const match = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match !== null && Buffer.from(match[1], "base64").toString("utf8") === `${apiKey}:`;
}

function normalizeBasePath(basePath) {
  const trimmed = String(basePath ?? "").replace(/\/+$/, "");
  if (trimmed === "") return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

// --- spec-driven routing, parameters and validation ----------------------------

function compileRoutes(spec, handlers) {
  const routes = [];
  const unused = new Set(Object.keys(handlers));
  for (const [template, item] of Object.entries(spec.paths)) {
    const segments = template.split("/").filter(Boolean);
    const operations = {};
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${template}`;
      if (!handlers[key]) throw new Error(`Sample API has no handler for ${key}`);
      unused.delete(key);
      operations[method.toUpperCase()] = {
        handler: handlers[key],
        parameters: [...(item.parameters ?? []), ...(operation.parameters ?? [])],
      };
    }
    const staticCount = segments.filter((segment) => !segment.startsWith("{")).length;
    routes.push({ segments, staticCount, operations });
  }
  if (unused.size > 0) throw new Error(`Sample API handlers not in spec: ${[...unused]}`);
  // Most static segments first, so `/users/me` is never read as `/users/{id}`.
  return routes.sort((a, b) => b.staticCount - a.staticCount);
}

function matchRoute(route, parts) {
  if (route.segments.length !== parts.length) return null;
  const params = {};
  for (const [i, segment] of route.segments.entries()) {
    if (segment.startsWith("{")) params[segment.slice(1, -1)] = parts[i];
    else if (segment !== parts[i]) return null;
  }
  return params;
}

function coerceQuery(parameter, raw) {
  const { name, type } = parameter;
  let value = raw;
  if (type === "integer") {
    if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be an integer.`);
    value = Number(raw);
  } else if (type === "boolean") {
    if (raw !== "true" && raw !== "false") throw badRequest(`${name} must be true or false.`);
    value = raw === "true";
  }
  if (parameter.enum && !parameter.enum.includes(value)) {
    throw badRequest(`${name} must be one of: ${parameter.enum.join(", ")}.`);
  }
  return value;
}

function readParameters(parameters, pathParams, searchParams) {
  const values = {};
  for (const parameter of parameters) {
    const { name } = parameter;
    if (parameter.in === "path") {
      const raw = pathParams[name];
      // A non-numeric id names nothing that could exist, as on the real API.
      if (parameter.type === "integer" && !/^\d+$/.test(raw)) throw notFound();
      values[name] = parameter.type === "integer" ? Number(raw) : raw;
    } else if (parameter.in === "query") {
      const raw = searchParams.get(name);
      if (raw !== null) values[name] = coerceQuery(parameter, raw);
      else if (parameter.required) throw badRequest(`${name} is required.`);
      else if ("default" in parameter) values[name] = parameter.default;
    }
  }
  return values;
}

function resolveRef(spec, schema) {
  while (schema?.$ref) schema = spec.definitions[schema.$ref.replace("#/definitions/", "")];
  return schema ?? {};
}

const isPlainObject = (value) =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const TYPE_CHECKS = {
  integer: [Number.isInteger, "an integer"],
  number: [Number.isFinite, "a number"],
  string: [(v) => typeof v === "string", "a string"],
  boolean: [(v) => typeof v === "boolean", "a boolean"],
  array: [Array.isArray, "an array"],
  object: [isPlainObject, "an object"],
};

// Just enough JSON Schema to reject the mistakes a client generator makes:
// wrong types, missing required fields, and snake_case keys where the API
// expects camelCase (unknown keys are rejected, not silently dropped).
function validate(spec, schema, value, at, problems) {
  schema = resolveRef(spec, schema);
  const label = at || "The request body";
  if (value === null) {
    if (schema.type) problems.push(`${label} must not be null.`);
    return problems;
  }
  const check = TYPE_CHECKS[schema.type];
  if (check && !check[0](value)) {
    problems.push(`${label} must be ${check[1]}.`);
    return problems;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(`${label} must be one of: ${schema.enum.join(", ")}.`);
  }
  if (schema.type === "array" && schema.items) {
    for (const [i, item] of value.entries()) {
      validate(spec, schema.items, item, `${label}[${i}]`, problems);
    }
  }
  if (schema.type === "object") {
    const properties = schema.properties;
    const required = schema.required ?? [];
    const path = (key) => (at ? `${at}.${key}` : key);
    for (const key of required) {
      if (value[key] === undefined) problems.push(`${path(key)} is required.`);
    }
    for (const [key, item] of Object.entries(value)) {
      if (item === null && !required.includes(key)) continue;
      if (properties && Object.hasOwn(properties, key)) {
        validate(spec, properties[key], item, path(key), problems);
      } else if (isPlainObject(schema.additionalProperties)) {
        validate(spec, schema.additionalProperties, item, path(key), problems);
      } else if (properties) {
        problems.push(`${path(key)} is not a known property.`);
      }
    }
  }
  return problems;
}

// --- helpers for handlers ------------------------------------------------------

const nowIso = () => new Date().toISOString();
const ok = (body) => ({ status: 200, body });
const created = (body) => ({ status: 201, body });
const noContent = () => ({ status: 204 });

function find(collection, id) {
  const record = collection.get(id);
  if (!record) throw notFound();
  return record;
}

function camelCase(snake) {
  return snake.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
}

function sortRecords(records, order = "id", direction = "desc") {
  const key = camelCase(order);
  const sign = direction === "asc" ? 1 : -1;
  return [...records].sort((a, b) => sign * (compare(a[key], b[key]) || compare(a.id, b.id)));
}

function paginate(records, query, view) {
  const perPage = Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const page = query.page_num ?? 1;
  if (perPage < 1) throw badRequest("limit must be at least 1.");
  if (page < 1) throw badRequest("page_num must be at least 1.");
  const total = records.length;
  return {
    status: 200,
    body: records.slice((page - 1) * perPage, page * perPage).map(view),
    headers: {
      "X-Pagination-Current-Page": String(page),
      "X-Pagination-Per-Page": String(perPage),
      "X-Pagination-Total-Entries": String(total),
      "X-Pagination-Total-Pages": String(Math.ceil(total / perPage)),
    },
  };
}

function defaultSchedule() {
  return {
    scheduled: false,
    scheduledDays: [],
    scheduledHours: [],
    scheduledMinutes: [],
    scheduledRunsPerHour: null,
  };
}

function defaultNotifications() {
  return {
    urls: [],
    successEmailSubject: null,
    successEmailBody: null,
    successEmailAddresses: [],
    failureEmailAddresses: [],
    stallWarningMinutes: null,
    successOn: true,
    failureOn: true,
  };
}

// Roughly "tomorrow at the first scheduled hour": plausible, not a real scheduler.
function nextExecutionAt(schedule) {
  if (!schedule.scheduled) return null;
  const next = new Date();
  next.setUTCDate(next.getUTCDate() + 1);
  next.setUTCHours(schedule.scheduledHours[0] ?? 0, schedule.scheduledMinutes[0] ?? 0, 0, 0);
  return next.toISOString();
}

// Nested objects are merged over defaults so answers always have the full shape.
function writeWorkflow(target, fields) {
  const { schedule, notifications, ...rest } = fields;
  Object.assign(target, rest);
  if (schedule !== undefined) target.schedule = { ...defaultSchedule(), ...schedule };
  if (notifications !== undefined) {
    target.notifications = { ...defaultNotifications(), ...notifications };
  }
  target.nextExecutionAt = nextExecutionAt(target.schedule);
  target.updatedAt = nowIso();
  return target;
}

function blankWorkflow() {
  return {
    description: null,
    definition: "",
    valid: true,
    state: "idle",
    schedule: defaultSchedule(),
    notifications: defaultNotifications(),
    timeZone: "America/Chicago",
    allowConcurrentExecutions: false,
    hidden: false,
  };
}

function cancelTasks(tasks, at) {
  for (const task of tasks) {
    if (task.state === "queued" || task.state === "running") {
      task.state = "cancelled";
      task.finishedAt = at;
    }
    cancelTasks(task.subtasks, at);
  }
}

function userSummary({ id, name, username, initials, online }) {
  return { id, name, username, initials, online };
}

// --- handlers, keyed by "METHOD /path/template" as written in the spec ---------

const handlers = {
  "GET /workflows": ({ data, query, view }) => {
    const records = [...data.workflows.values()].filter(
      (w) => query.archived === "all" || w.archived === (query.archived === "true"),
    );
    return paginate(
      sortRecords(records, query.order, query.order_dir),
      query,
      view("WorkflowListItem"),
    );
  },
  "POST /workflows": ({ data, body, view }) => {
    const id = data.nextId.workflows++;
    const workflow = {
      id,
      ...blankWorkflow(),
      archived: false,
      myPermissionLevel: "manage",
      user: userSummary(data.users.get(data.currentUserId)),
    };
    writeWorkflow(workflow, body);
    workflow.createdAt = workflow.updatedAt;
    data.workflows.set(id, workflow);
    return created(view("Workflow")(workflow));
  },
  "GET /workflows/{id}": ({ data, params, view }) =>
    ok(view("Workflow")(find(data.workflows, params.id))),
  "PATCH /workflows/{id}": ({ data, params, body, view }) =>
    ok(view("Workflow")(writeWorkflow(find(data.workflows, params.id), body))),
  "PUT /workflows/{id}": ({ data, params, body, view }) => {
    const workflow = find(data.workflows, params.id);
    Object.assign(workflow, blankWorkflow());
    return ok(view("Workflow")(writeWorkflow(workflow, body)));
  },
  "DELETE /workflows/{id}": ({ data, params }) => {
    find(data.workflows, params.id);
    data.workflows.delete(params.id);
    for (const [id, execution] of data.executions) {
      if (execution.workflowId === params.id) data.executions.delete(id);
    }
    return noContent();
  },
  "GET /workflows/{id}/executions": ({ data, params, query, view }) => {
    find(data.workflows, params.id);
    const records = [...data.executions.values()].filter((e) => e.workflowId === params.id);
    return paginate(sortRecords(records), query, view("WorkflowExecutionListItem"));
  },
  "POST /workflows/{id}/executions": ({ data, params, body = {}, view }) => {
    const workflow = find(data.workflows, params.id);
    const id = data.nextId.executions++;
    const at = nowIso();
    const execution = {
      id,
      workflowId: workflow.id,
      state: "queued",
      mode: "manual",
      user: userSummary(data.users.get(data.currentUserId)),
      targetTask: body.targetTask ?? null,
      input: body.input ?? {},
      startedAt: null,
      finishedAt: null,
      createdAt: at,
      updatedAt: at,
      tasks: [
        {
          name: body.targetTask ?? "main",
          state: "queued",
          startedAt: null,
          finishedAt: null,
          subtasks: [],
        },
      ],
    };
    data.executions.set(id, execution);
    workflow.state = "queued";
    return created(view("WorkflowExecution")(execution));
  },
  "GET /workflows/{id}/executions/{execution_id}": ({ data, params, view }) =>
    ok(view("WorkflowExecution")(findExecution(data, params))),
  "POST /workflows/{id}/executions/{execution_id}/cancel": ({ data, params, view }) => {
    const execution = findExecution(data, params);
    // Cancelling a finished execution is a no-op, not an error: it is idempotent.
    if (execution.state === "queued" || execution.state === "running") {
      const at = nowIso();
      execution.state = "cancelled";
      execution.finishedAt = at;
      execution.updatedAt = at;
      cancelTasks(execution.tasks, at);
    }
    return ok(view("WorkflowExecution")(execution));
  },

  "GET /scripts": ({ data, query, view }) => {
    const records = [...data.scripts.values()].map((s) => withLastRun(data, s, view));
    return paginate(
      sortRecords(records, query.order, query.order_dir),
      query,
      view("ScriptListItem"),
    );
  },
  "POST /scripts/custom": ({ data, body, view }) => {
    const id = data.nextId.scripts++;
    const at = nowIso();
    const script = {
      id,
      name: "Untitled Custom Script",
      type: "Custom",
      state: "idle",
      arguments: {},
      environmentVariables: {},
      user: userSummary(data.users.get(data.currentUserId)),
      archived: false,
      ...body,
      createdAt: at,
      updatedAt: at,
    };
    data.scripts.set(id, script);
    return created(view("Script")(withLastRun(data, script, view)));
  },
  "GET /scripts/{id}": ({ data, params, view }) =>
    ok(view("Script")(withLastRun(data, find(data.scripts, params.id), view))),
  "DELETE /scripts/{id}": ({ data, params }) => {
    find(data.scripts, params.id);
    data.scripts.delete(params.id);
    for (const [id, run] of data.runs) if (run.scriptId === params.id) data.runs.delete(id);
    return noContent();
  },
  "GET /scripts/{id}/runs": ({ data, params, query, view }) =>
    paginate(runsOf(data, params.id), query, view("ScriptRun")),
  "GET /scripts/{id}/legacy_runs": ({ data, params, query, view }) =>
    paginate(runsOf(data, params.id), query, view("ScriptRun")),

  "GET /users": ({ data, query, view }) =>
    paginate(sortRecords(data.users.values(), "id", "asc"), query, view("UserListItem")),
  "GET /users/me": ({ data, view }) => ok(view("CurrentUser")(data.users.get(data.currentUserId))),
  "GET /users/{id}": ({ data, params, view }) => ok(view("User")(find(data.users, params.id))),

  "POST /json_values": ({ data, body, view }) => {
    const id = data.nextId.jsonValues++;
    const record = { id, name: body.name ?? null, value: body.value };
    data.jsonValues.set(id, record);
    return created(view("JsonValue")(record));
  },
  "GET /json_values/{id}": ({ data, params, view }) =>
    ok(view("JsonValue")(find(data.jsonValues, params.id))),
  "PATCH /json_values/{id}": ({ data, params, body, view }) => {
    const record = find(data.jsonValues, params.id);
    // `value` may legitimately be set to null, so test presence, not truthiness.
    if ("name" in body) record.name = body.name;
    if ("value" in body) record.value = body.value;
    return ok(view("JsonValue")(record));
  },
};

function findExecution(data, params) {
  find(data.workflows, params.id);
  const execution = find(data.executions, params.execution_id);
  if (execution.workflowId !== params.id) throw notFound();
  return execution;
}

function runsOf(data, scriptId) {
  find(data.scripts, scriptId);
  return sortRecords([...data.runs.values()].filter((run) => run.scriptId === scriptId));
}

function withLastRun(data, script, view) {
  const [last] = runsOf(data, script.id);
  return { ...script, lastRun: last ? view("ScriptRun")(last) : null };
}

// --- the API object --------------------------------------------------------------

/**
 * Create an in-memory sample API.
 *
 * @param {{ apiKey?: string, basePath?: string }} [options]
 *   `apiKey`: the key clients must send as `Authorization: Basic base64(apiKey + ":")`.
 *   `basePath`: a prefix (e.g. "/api") under which the API is mounted.
 */
export function createSampleApi({ apiKey = "demo-key", basePath = "" } = {}) {
  const spec = structuredClone(sampleSpec);
  const prefix = normalizeBasePath(basePath);
  const routes = compileRoutes(spec, handlers);
  const stats = {};
  let data = seedData();
  let requestCount = 0;
  let injectedFaults = [];
  const headerFaultCounts = new Map();

  // Shapes a stored record like a definition: every declared property, in order,
  // with null for anything unset, and nothing internal (e.g. `workflowId`).
  const views = {};
  const view = (name) => {
    views[name] ??= (record) => {
      const properties = spec.definitions[name].properties;
      return Object.fromEntries(Object.keys(properties).map((key) => [key, record[key] ?? null]));
    };
    return views[name];
  };

  function localPath(pathname) {
    let path = pathname;
    if (prefix) {
      if (path !== prefix && !path.startsWith(`${prefix}/`)) return null;
      path = path.slice(prefix.length);
    }
    return path.replace(/\/+$/, "") || "/";
  }

  function findRoutes(path) {
    const parts = path
      .split("/")
      .filter(Boolean)
      .map((part) => {
        try {
          return decodeURIComponent(part);
        } catch {
          return part;
        }
      });
    return routes.flatMap((route) => {
      const params = matchRoute(route, parts);
      return params ? [{ route, params }] : [];
    });
  }

  function takeHeaderFault(value) {
    if (!value) return;
    const fault = parseFaultHeader(value);
    if (!fault) throw badRequest(`Invalid X-Sample-Fault header: ${value}`);
    const served = headerFaultCounts.get(value) ?? 0;
    if (served >= fault.times) return;
    headerFaultCounts.set(value, served + 1);
    throw faultError(fault);
  }

  function takeInjectedFault() {
    const fault = injectedFaults[0];
    if (!fault) return;
    fault.remaining -= 1;
    if (fault.remaining <= 0) injectedFaults.shift();
    throw faultError(fault);
  }

  async function readJsonBody(parameter, readBody) {
    const text = await readBody();
    if (text.trim() === "") {
      if (parameter.required) throw badRequest("A JSON request body is required.");
      return undefined;
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw badRequest("The request body is not valid JSON.");
    }
    const problems = validate(spec, parameter.schema, body, "", []);
    if (problems.length > 0) {
      throw new ApiError(422, "unprocessable_entity", problems.join(" "));
    }
    return body;
  }

  async function route(method, path, matches, url, request) {
    if (path === "/endpoints") {
      if (method !== "GET") {
        throw new ApiError(405, "method_not_allowed", "Use GET.", { Allow: "GET, OPTIONS" });
      }
      // Point clients back at whoever served the spec, wherever that is.
      const document = structuredClone(spec);
      if (request.host) document.host = request.host;
      document.schemes = [request.scheme];
      if (prefix) document.basePath = prefix;
      return ok(document);
    }
    takeInjectedFault();
    const match = matches.find((m) => m.route.operations[method]);
    if (!match) {
      const allowed = [...new Set(matches.flatMap((m) => Object.keys(m.route.operations)))];
      throw new ApiError(405, "method_not_allowed", `Use ${allowed.join(", ")}.`, {
        Allow: [...allowed, "OPTIONS"].join(", "),
      });
    }
    const { handler, parameters } = match.route.operations[method];
    const values = readParameters(parameters, match.params, url.searchParams);
    const bodyParameter = parameters.find((p) => p.in === "body");
    const body = bodyParameter ? await readJsonBody(bodyParameter, request.readBody) : undefined;
    const params = {};
    const query = {};
    for (const p of parameters) {
      if (p.in === "path") params[p.name] = values[p.name];
      if (p.in === "query" && p.name in values) query[p.name] = values[p.name];
    }
    return handler({ data, params, query, body, view });
  }

  // The transport-neutral core: `request` is { method, target, header(name),
  // readBody(), host, scheme }. Resolves to null when the path is not ours.
  async function respond(request) {
    const method = request.method.toUpperCase();
    const url = new URL(request.target, "http://sample-api.invalid");
    const path = localPath(url.pathname);
    if (path === null) return null;
    const matches = path === "/endpoints" ? [] : findRoutes(path);
    if (path !== "/endpoints" && matches.length === 0) return null;

    const statsKey = `${method} ${path}`;
    stats[statsKey] = (stats[statsKey] ?? 0) + 1;
    requestCount += 1;
    const headers = {
      ...BASE_HEADERS,
      "X-RateLimit-Remaining": String(RATE_LIMIT - 1 - ((requestCount - 1) % RATE_LIMIT)),
    };

    try {
      // Preflights never carry credentials, so they must succeed without them.
      if (method === "OPTIONS") {
        return { status: 204, headers: { ...headers, "Access-Control-Max-Age": "600" } };
      }
      // Deliberately no WWW-Authenticate header: it would make browsers pop up
      // a login dialog instead of letting the client handle the 401.
      if (!isAuthorized(request.header("authorization"), apiKey)) {
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
          : new ApiError(500, "internal_server_error", String(error?.message ?? error));
      return {
        status: failure.status,
        headers: { ...headers, ...failure.headers },
        body: JSON.stringify({
          error: failure.error,
          errorDescription: failure.message,
          code: failure.status,
        }),
      };
    }
  }

  /** Answer a Node `http` request. Resolves to false, untouched, if the path is not ours. */
  async function handle(req, res) {
    const forwardedProto = String(req.headers["x-forwarded-proto"] ?? "")
      .split(",")[0]
      .trim();
    const result = await respond({
      method: req.method ?? "GET",
      target: req.url ?? "/",
      header: (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(", ") : (value ?? null);
      },
      readBody: () => readNodeBody(req),
      host: req.headers.host,
      scheme: forwardedProto || (req.socket?.encrypted ? "https" : "http"),
    });
    if (!result) return false;
    res.writeHead(result.status, result.headers);
    res.end(result.body);
    return true;
  }

  /** A WHATWG `fetch`: pass it to a client to talk to this API without a socket. */
  async function fetch(input, init) {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const result = (await respond({
      method: request.method,
      target: request.url,
      header: (name) => request.headers.get(name),
      readBody: () => request.text(),
      host: url.host,
      scheme: url.protocol.replace(/:$/, ""),
    })) ?? {
      status: 404,
      headers: BASE_HEADERS,
      body: JSON.stringify({
        error: "not_found",
        errorDescription: "The requested resource could not be found.",
        code: 404,
      }),
    };
    return new Response(result.body ?? null, { status: result.status, headers: result.headers });
  }

  /** Make the next `times` requests (any route but /endpoints) fail with `status`. */
  function injectFault({ status = 503, retryAfter, times = 1 } = {}) {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(`injectFault: status must be an HTTP error status, got ${status}`);
    }
    if (!Number.isInteger(times) || times < 1) {
      throw new RangeError(`injectFault: times must be a positive integer, got ${times}`);
    }
    injectedFaults.push({ status, retryAfter, remaining: times });
  }

  /** Restore the seed data and forget stats, faults and the rate-limit count. */
  function reset() {
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
    /** Requests seen, keyed by "METHOD /path" (path without basePath or query). */
    stats,
    /** The live in-memory records (Maps keyed by id), for assertions. */
    get data() {
      return data;
    },
    handle,
    fetch,
    injectFault,
    reset,
  };
}

async function readNodeBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError(413, "payload_too_large", "The request body is too large.");
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
