import type { SampleArea } from "../area.js";
import type { JsonObject } from "../json.js";
import { created, find, isoAt, noContent, ok, paginate, sortRecords } from "../results.js";
import { EPOCH, HOUR, MINUTE } from "../seed-clock.js";
import {
  arrayOf,
  body,
  bool,
  idParam,
  int,
  noContent as noContentSchema,
  object,
  ok as okSchema,
  op,
  ordering,
  pagination,
  ref,
  str,
  time,
  userSummary as userSummarySchema,
} from "../spec-builders.js";
import { byId, nextAfter, type SampleData, takeId } from "../store.js";
import type { Schema } from "../swagger.js";
import { type LiveRun, pastRun, runNow } from "./live-runs.js";
import { currentUser, type User, userSummary } from "./users.js";

export interface Script {
  id: number;
  name: string;
  type: string;
  fromTemplateId?: number;
  state: string;
  arguments: JsonObject;
  environmentVariables: Record<string, string>;
  user: ReturnType<typeof userSummary>;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

declare module "../store.js" {
  interface SampleData {
    scripts: Map<number, Script>;
    /** Every script's runs, seeded and live (see live-runs.ts), by run id. */
    runs: Map<number, LiveRun>;
  }
}

const scriptSummaryFields = (): Record<string, Schema> => ({
  id: int("The ID for the script."),
  name: str("The name of the script."),
  type: str("The type of the script (e.g. Custom, Python, SQL)."),
  state: str("The status of the script's last run."),
  user: userSummarySchema(),
  archived: bool("The archival status of the requested item(s)."),
  createdAt: time("The time this script was created."),
  updatedAt: time("The time the script was last updated."),
  lastRun: ref("ScriptRun"),
});

const scriptArguments = (): Record<string, Schema> => ({
  arguments: {
    type: "object",
    description: "Parameter-value pairs to use when running this script.",
  },
  environmentVariables: {
    type: "object",
    additionalProperties: { type: "string" },
    description: "Environment variables set when the script runs.",
  },
});

function seedScripts(users: readonly User[]): Script[] {
  const names = [
    "Geocode addresses",
    "Deduplicate contacts",
    "Refresh dashboards",
    "Score turnout model",
  ];
  return names.map((name, n): Script => {
    const createdAt = EPOCH + 300 * HOUR + n * HOUR;
    return {
      id: 201 + n,
      name,
      type: "Custom",
      fromTemplateId: 42,
      state: n === 0 ? "succeeded" : n === 1 ? "failed" : "idle",
      arguments: n === 0 ? { batchSize: 500, source: "voters_2024" } : {},
      environmentVariables: n === 0 ? { LOG_LEVEL: "info" } : {},
      user: userSummary(users[n % users.length]!),
      archived: false,
      createdAt: isoAt(createdAt),
      updatedAt: isoAt(createdAt + (4 - n) * MINUTE),
    };
  });
}

function seedRuns(): LiveRun[] {
  const plan: [number, "succeeded" | "failed", string | null][] = [
    [201, "succeeded", null],
    [201, "failed", "Geocoder quota exceeded."],
    [201, "succeeded", null],
    [202, "failed", "Table contacts does not exist."],
  ];
  return plan.map(([scriptId, outcome, error], n) =>
    pastRun(3001 + n, scriptId, EPOCH + 310 * HOUR + n * HOUR, {
      queuedMs: MINUTE,
      runningMs: 2 * MINUTE,
      outcome,
      error,
      logs: [],
    }),
  );
}

/** The runs of a script, newest first; a 404 when the script does not exist. */
export function runsOf(data: SampleData, scriptId: number | string | undefined): LiveRun[] {
  find(data.scripts, scriptId);
  return sortRecords([...data.runs.values()].filter((run) => run.scriptId === Number(scriptId)));
}

function withLastRun(
  data: SampleData,
  script: Script,
  view: (name: string) => (record: object) => JsonObject,
): Script & { lastRun: JsonObject | null } {
  const [last] = runsOf(data, script.id);
  return { ...script, lastRun: last ? view("ScriptRun")(runNow(last)) : null };
}

export const scripts: SampleArea = {
  paths: {
    "/scripts": {
      get: op(
        "scripts",
        "List Scripts",
        [...pagination(), ...ordering(["updated_at", "name", "id"], "updated_at")],
        okSchema(arrayOf(ref("ScriptListItem"))),
      ),
    },
    "/scripts/custom": {
      post: op(
        "scripts",
        "Create a Custom Script",
        [body("ScriptCustomCreate")],
        okSchema(ref("Script"), "201"),
      ),
    },
    "/scripts/{id}": {
      get: op("scripts", "Get a Script", [idParam()], okSchema(ref("Script"))),
      delete: op("scripts", "Delete a Script", [idParam()], noContentSchema()),
    },
    "/scripts/{id}/runs": {
      get: op(
        "scripts",
        "List runs for the given Script",
        [idParam("id", "The ID of the script."), ...pagination()],
        okSchema(arrayOf(ref("ScriptRun"))),
      ),
    },
    "/scripts/{id}/legacy_runs": {
      get: op(
        "scripts",
        "List runs for the given Script (legacy format)",
        [idParam("id", "The ID of the script."), ...pagination()],
        okSchema(arrayOf(ref("ScriptRun"))),
        {
          deprecated: true,
          "x-deprecation-warning":
            "This endpoint is deprecated; use GET /scripts/{id}/runs instead.",
        },
      ),
    },
  },
  definitions: {
    ScriptListItem: object(scriptSummaryFields()),
    Script: object({
      ...scriptSummaryFields(),
      fromTemplateId: int("The ID of the template script."),
      ...scriptArguments(),
    }),
    ScriptCustomCreate: {
      type: "object",
      required: ["fromTemplateId"],
      properties: {
        fromTemplateId: int("The ID of the template script."),
        name: str("The name of the script."),
        ...scriptArguments(),
      },
    },
    ScriptRun: object({
      id: int("The ID of the run."),
      scriptId: int("The ID of the script."),
      state: str("The state of the run: queued, running, succeeded, failed or cancelled."),
      isCancelRequested: bool("True if run cancel requested, else false."),
      createdAt: time("The time the run was created."),
      startedAt: time("The time the run started."),
      finishedAt: time("The time the run completed."),
      error: str("The error, if any, returned by the run."),
    }),
  },
  handlers: {
    "GET /scripts": ({ data, query, view }) => {
      const records = [...data.scripts.values()].map((s) => withLastRun(data, s, view));
      return paginate(
        sortRecords(records, query.order, query.order_dir),
        query,
        view("ScriptListItem"),
      );
    },
    "POST /scripts/custom": ({ data, body, view, now }) => {
      const at = isoAt(now());
      const script: Script = {
        id: takeId(data, "scripts"),
        name: "Untitled Custom Script",
        type: "Custom",
        state: "idle",
        arguments: {},
        environmentVariables: {},
        user: currentUser(data),
        archived: false,
        ...(body as Partial<Script>),
        createdAt: at,
        updatedAt: at,
      };
      data.scripts.set(script.id, script);
      return created(view("Script")(withLastRun(data, script, view)));
    },
    "GET /scripts/{id}": ({ data, params, view }) =>
      ok(view("Script")(withLastRun(data, find(data.scripts, params.id), view))),
    "DELETE /scripts/{id}": ({ data, params }) => {
      find(data.scripts, params.id);
      data.scripts.delete(Number(params.id));
      for (const [id, run] of data.runs) if (run.scriptId === params.id) data.runs.delete(id);
      return noContent();
    },
    "GET /scripts/{id}/runs": ({ data, params, query, view }) =>
      paginate(runsOf(data, params.id), query, (run) => view("ScriptRun")(runNow(run))),
    "GET /scripts/{id}/legacy_runs": ({ data, params, query, view }) =>
      paginate(runsOf(data, params.id), query, (run) => view("ScriptRun")(runNow(run))),
  },
  seed(data) {
    data.scripts = byId(seedScripts([...data.users.values()]));
    data.runs = byId(seedRuns());
    data.nextId.scripts = nextAfter(data.scripts);
    data.nextId.runs = nextAfter(data.runs);
  },
};
