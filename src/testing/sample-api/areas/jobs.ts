// Jobs and their runs, as the real API's /jobs endpoints: every script is a job, runs move by
// the clock (see live-runs.ts), logs come with `civis-max-id` and `civis-cache-control`, and
// outputs appear when a run succeeds. Custom scripts made from the templates below run too.
import { ApiError, notFound } from "../api-error.js";
import type { HandlerContext, SampleArea } from "../area.js";
import type { JsonObject } from "../json.js";
import { find, isoAt, ok, paginate, sortRecords } from "../results.js";
import { EPOCH, HOUR } from "../seed-clock.js";
import {
  arrayOf,
  bool,
  idParam,
  int,
  object,
  ok as okSchema,
  op,
  ordering,
  pagination,
  parentRun,
  ref,
  str,
  time,
} from "../spec-builders.js";
import type { SampleData } from "../store.js";
import type { Schema } from "../swagger.js";
import { cancelRun, type LiveRun, type RunPlan, runNow, startRun } from "./live-runs.js";
import { runsOf, type Script } from "./scripts.js";
import { currentUser } from "./users.js";

const SECOND = 1000;

/** The jobs the sample API can run, seeded as scripts so /scripts and /jobs both list them. */
const JOBS: readonly {
  id: number;
  name: string;
  plan: (args: Record<string, unknown>) => RunPlan;
}[] = [
  {
    id: 301,
    name: "Refresh voter file",
    plan: () => ({
      queuedMs: 1 * SECOND,
      runningMs: 4 * SECOND,
      outcome: "succeeded",
      logs: [
        [0, "Container started"],
        [500, "Reading voters_2024 (1,204,332 rows)"],
        [1500, "Matching addresses: 38% done"],
        [2500, "Matching addresses: 81% done"],
        [3500, "Writing voters_clean"],
        [4000, "Done: 1,198,207 rows written"],
      ],
      outputs: [
        { objectType: "File", objectId: 9001, name: "match_report.csv" },
        {
          objectType: "JSONValue",
          objectId: 9002,
          name: "summary",
          value: { rows: 1198207, dropped: 6125 },
        },
      ],
    }),
  },
  {
    id: 302,
    name: "Score turnout model (fails)",
    plan: () => ({
      queuedMs: 1 * SECOND,
      runningMs: 2 * SECOND,
      outcome: "failed",
      error: "Model training failed: table scores.turnout has 0 rows.",
      logs: [
        [0, "Container started"],
        [800, "Loading scores.turnout"],
        [1900, "Error: no rows to train on", "error"],
      ],
    }),
  },
  {
    id: 303,
    name: "Export contacts (fails without an error)",
    plan: () => ({
      queuedMs: 500,
      runningMs: 1500,
      outcome: "failed",
      error: null,
      logs: [
        [0, "Exporting contacts"],
        [1000, "Traceback (most recent call last):", "error"],
        [1400, "KeyError: 'email'", "error"],
      ],
    }),
  },
  {
    id: 304,
    name: "Backfill history (runs for an hour)",
    plan: () => ({
      queuedMs: 1 * SECOND,
      runningMs: HOUR,
      outcome: "succeeded",
      logs: Array.from(
        { length: 720 },
        (_, i) => [i * 5 * SECOND, `Backfilled day ${i + 1}`] as const,
      ),
    }),
  },
];

/** Templates a custom script can be made from (`scripts.post_custom({ from_template_id })`). */
const TEMPLATES: Record<number, (args: Record<string, unknown>) => RunPlan> = {
  42: (args) => ({
    queuedMs: 500,
    runningMs: 1500,
    outcome: "succeeded",
    logs: [
      [0, `Summarizing ${String(args.TABLE ?? "a table")}`],
      [1000, "Summary written"],
    ],
    outputs: [
      {
        objectType: "JSONValue",
        objectId: 9101,
        name: "summary",
        value: { table: args.TABLE ?? null, rows: 1204332, columns: 18 },
      },
    ],
  }),
  43: (args) => ({
    queuedMs: 500,
    runningMs: 1500,
    outcome: "succeeded",
    logs: [[0, `Exporting ${String(args.TABLE ?? "a table")}`]],
    outputs: [
      { objectType: "File", objectId: 9201, name: "export.csv" },
      { objectType: "File", objectId: 9202, name: "export_manifest.json" },
    ],
  }),
};

const failingTemplate = (templateId: unknown): RunPlan => ({
  queuedMs: 200,
  runningMs: 300,
  outcome: "failed",
  error: `Template ${String(templateId)} does not exist.`,
  logs: [],
});

/** Run `runId` of job `jobId`: a script's (seeded or started), or another job's (see jobRuns). */
function live(data: SampleData, jobId: unknown, runId: unknown): LiveRun {
  const run = data.runs.get(Number(runId)) ?? data.jobRuns.get(Number(runId));
  if (!run || run.scriptId !== Number(jobId)) throw notFound();
  return run;
}

function planOf(data: SampleData, script: Script): RunPlan {
  const plan = data.runPlans.get(script.id);
  if (plan) return plan(script.arguments);
  const template =
    script.fromTemplateId === undefined ? undefined : TEMPLATES[script.fromTemplateId];
  return template ? template(script.arguments) : failingTemplate(script.fromTemplateId);
}

function newRun({ data, params, now, view }: HandlerContext, definition: string) {
  const script = find(data.scripts, params.id);
  const run = startRun(data, script.id, planOf(data, script), now);
  script.updatedAt = isoAt(now());
  return { status: definition === "CustomRun" ? 202 : 201, body: view(definition)(runNow(run)) };
}

const jobRun = (): Schema =>
  object({
    id: int("The ID of the run."),
    state: str(
      "The state of the run, one of 'queued' 'running' 'succeeded' 'failed' or 'cancelled'.",
    ),
    createdAt: time("The time the run was created."),
    startedAt: time("The time the run started at."),
    finishedAt: time("The time the run completed."),
    error: str("The error message for this run, if present."),
  });

const output = (): Schema =>
  object({
    objectType: str("The type of Civis object. One of File, Table, Project, JSONValue, ..."),
    objectId: int("The ID of the Civis object."),
    name: str("The name of the Civis object."),
    link: str("A URL to the object."),
    value: { description: "If the output is a JSON Value, the value it holds." } as Schema,
  });

const runPath = (extra: Parameter[] = []) => [
  idParam("id", "The ID of the job."),
  idParam("run_id", "The ID of the run."),
  ...extra,
];
type Parameter = ReturnType<typeof idParam>;

function logsAnswer({ data, params, query }: HandlerContext) {
  const run = live(data, params.id, params.run_id);
  const visible = run.visibleLines();
  const lastId = query.last_id === undefined ? undefined : Number(query.last_id);
  const limit = Math.min(Number(query.limit ?? 250), 250);
  // With last_id: the lines after it, oldest first; without: the newest, newest first.
  const lines =
    lastId === undefined
      ? [...visible].reverse().slice(0, limit)
      : visible.filter((line) => line.id > lastId).slice(0, limit);
  const headers: Record<string, string> = {
    // The log is complete once the run has finished: then answers may be cached.
    "civis-cache-control": run.finished ? "max-age=3600" : "no-store",
  };
  if (visible.length > 0) headers["civis-max-id"] = String(Math.max(...visible.map((l) => l.id)));
  return {
    status: 200,
    headers,
    body: lines.map((l) => ({
      id: l.id,
      createdAt: isoAt(run.createdMs + run.plan.queuedMs + l.atMs),
      message: l.message,
      level: l.level,
    })),
  };
}

function outputsAnswer({ data, params, query }: HandlerContext) {
  const run = live(data, params.id, params.run_id);
  return paginate(
    run.outputs,
    query,
    (o): JsonObject => ({
      objectType: o.objectType,
      objectId: o.objectId,
      name: o.name,
      link: `/${o.objectType.toLowerCase()}s/${o.objectId}`,
      value: (o.value ?? null) as JsonObject,
    }),
  );
}

export const jobs: SampleArea = {
  paths: {
    "/jobs/{id}": {
      get: op(
        "jobs",
        "Show basic job info",
        [idParam("id", "The ID for this job.")],
        okSchema(ref("Job")),
      ),
    },
    "/jobs/{id}/runs": {
      get: op(
        "jobs",
        "List runs for the given job",
        [idParam("id", "The ID of the job."), ...pagination(), ...ordering(["id"], "id")],
        okSchema(arrayOf(ref("JobRun"))),
      ),
      post: op(
        "jobs",
        "Run a job",
        [idParam("id", "The ID of the job.")],
        okSchema(ref("JobRun"), "201"),
      ),
    },
    "/jobs/{id}/runs/{run_id}": {
      get: op("jobs", "Check status of a job", runPath(), okSchema(ref("JobRun"))),
      delete: op("jobs", "Cancel a run", runPath(), { 202: { description: "success" } }),
    },
    "/jobs/{id}/runs/{run_id}/logs": {
      get: op(
        "jobs",
        "Get the logs for a run",
        runPath([
          {
            name: "last_id",
            in: "query",
            required: false,
            type: "integer",
            description:
              "The ID of the last log message received. Log entries with this ID value or lower will be omitted.",
          },
          {
            name: "limit",
            in: "query",
            required: false,
            type: "integer",
            description: "The maximum number of log messages to return. Default of 10000.",
          },
        ]),
        okSchema(arrayOf(ref("LogEntry"))),
      ),
    },
    "/jobs/{id}/runs/{run_id}/outputs": {
      get: op(
        "jobs",
        "List the outputs for a run",
        runPath(pagination()),
        okSchema(arrayOf(ref("JobOutput"))),
      ),
    },
    "/scripts/{id}/cancel": {
      post: op(
        "scripts",
        "Cancel a run",
        [idParam("id", "The ID of the job.")],
        okSchema(ref("JobCancel"), "202"),
      ),
    },
    "/scripts/custom/{id}/runs": {
      post: op(
        "scripts",
        "Start a run",
        [idParam("id", "The ID of the Custom job.")],
        okSchema(ref("CustomRun"), "202"),
      ),
    },
    "/scripts/custom/{id}/runs/{run_id}": {
      get: op("scripts", "Check status of a run", runPath(), okSchema(ref("CustomRun"))),
    },
    "/scripts/custom/{id}/runs/{run_id}/outputs": {
      get: op(
        "scripts",
        "List the outputs for a run",
        runPath(pagination()),
        okSchema(arrayOf(ref("JobOutput"))),
      ),
    },
  },
  definitions: {
    Job: object({
      id: int("The ID for this job."),
      name: str("The name of this job."),
      type: str("The type of this job."),
      fromTemplateId: int("The ID of the template this job was made from."),
      state: str("The state of the job's last run."),
      createdAt: time("The time this job was created."),
      updatedAt: time("The time this job was last updated."),
      lastRun: ref("JobRun"),
    }),
    JobRun: jobRun(),
    CustomRun: parentRun("customId", "Custom"),
    LogEntry: object({
      id: int("The ID of the log."),
      createdAt: time("The time the log was created."),
      message: str("The log message."),
      level: str("The level of the log. One of unknown,fatal,error,warn,info,debug."),
    }),
    JobOutput: output(),
    JobCancel: object({
      id: int("The ID of the job."),
      state: str("The state of the run, one of 'queued', 'running' or 'cancelled'."),
      isCancelRequested: bool("True if run cancel requested, else false."),
    }),
  },
  handlers: {
    "GET /jobs/{id}": ({ data, params, view }) => {
      const script = find(data.scripts, params.id);
      const [last] = runsOf(data, script.id);
      return ok(
        view("Job")({
          ...script,
          state: last?.state ?? "idle",
          lastRun: last ? view("JobRun")(runNow(last)) : null,
        }),
      );
    },
    "GET /jobs/{id}/runs": ({ data, params, query, view }) =>
      paginate(
        sortRecords(runsOf(data, params.id), query.order ?? "id", query.order_dir),
        query,
        (run) => view("JobRun")(runNow(run)),
      ),
    "POST /jobs/{id}/runs": (context) => newRun(context, "JobRun"),
    "GET /jobs/{id}/runs/{run_id}": ({ data, params, view }) =>
      ok(view("JobRun")(runNow(live(data, params.id, params.run_id)))),
    "DELETE /jobs/{id}/runs/{run_id}": ({ data, params }) => {
      return cancelRun(live(data, params.id, params.run_id));
    },
    "GET /jobs/{id}/runs/{run_id}/logs": logsAnswer,
    "GET /jobs/{id}/runs/{run_id}/outputs": outputsAnswer,
    "POST /scripts/{id}/cancel": ({ data, params, view }) => {
      const active = runsOf(data, params.id).find((run) => !run.finished);
      if (!active) throw new ApiError(404, "not_found", "The job has no run to cancel.");
      active.cancel();
      return {
        status: 202,
        body: view("JobCancel")({
          id: Number(params.id),
          state: "cancelled",
          isCancelRequested: true,
        }),
      };
    },
    "POST /scripts/custom/{id}/runs": (context) => newRun(context, "CustomRun"),
    "GET /scripts/custom/{id}/runs/{run_id}": ({ data, params, view }) =>
      ok(view("CustomRun")(runNow(live(data, params.id, params.run_id)))),
    "GET /scripts/custom/{id}/runs/{run_id}/outputs": outputsAnswer,
  },
  seed(data) {
    data.runPlans = new Map(JOBS.map((job) => [job.id, job.plan]));
    data.jobRuns = new Map();
    const user = currentUser(data);
    for (const [n, job] of JOBS.entries()) {
      const at = isoAt(EPOCH + 400 * HOUR + n * HOUR);
      data.scripts.set(job.id, {
        id: job.id,
        name: job.name,
        type: "Container",
        state: "idle",
        arguments: {},
        environmentVariables: {},
        user,
        archived: false,
        createdAt: at,
        updatedAt: at,
      });
    }
    data.nextId.scripts = Math.max(data.nextId.scripts ?? 1, ...JOBS.map((j) => j.id + 1));
  },
};
