import { notFound } from "../api-error.js";
import type { HandlerContext, SampleArea } from "../area.js";
import type { JsonObject } from "../json.js";
import { created, find, isoAt, noContent, ok, paginate, sortRecords } from "../results.js";
import { byId, nextAfter, type SampleData, takeId } from "../store.js";
import { currentUser } from "./users.js";
import {
  type Execution,
  type Notifications,
  type Schedule,
  seedExecutions,
  seedWorkflows,
  type Task,
  type Workflow,
} from "./workflows-seed.js";
import { workflowDefinitions, workflowPaths } from "./workflows-spec.js";

declare module "../store.js" {
  interface SampleData {
    workflows: Map<number, Workflow>;
    executions: Map<number, Execution>;
  }
}

type WorkflowFields = Partial<Omit<Workflow, "schedule" | "notifications">> & {
  schedule?: Partial<Schedule>;
  notifications?: Partial<Notifications>;
};

const defaultSchedule = (): Schedule => ({
  scheduled: false,
  scheduledDays: [],
  scheduledHours: [],
  scheduledMinutes: [],
  scheduledRunsPerHour: null,
});

const defaultNotifications = (): Notifications => ({
  urls: [],
  successEmailSubject: null,
  successEmailBody: null,
  successEmailAddresses: [],
  failureEmailAddresses: [],
  stallWarningMinutes: null,
  successOn: true,
  failureOn: true,
});

// Roughly "tomorrow at the first scheduled hour": plausible, not a real scheduler.
function nextExecutionAt(schedule: Schedule, now: number): string | null {
  if (!schedule.scheduled) return null;
  const next = new Date(now);
  next.setUTCDate(next.getUTCDate() + 1);
  next.setUTCHours(schedule.scheduledHours[0] ?? 0, schedule.scheduledMinutes[0] ?? 0, 0, 0);
  return next.toISOString();
}

// Nested objects are merged over defaults so answers always have the full shape.
function writeWorkflow(target: Workflow, fields: WorkflowFields, now: number): Workflow {
  const { schedule, notifications, ...rest } = fields;
  Object.assign(target, rest);
  if (schedule !== undefined) target.schedule = { ...defaultSchedule(), ...schedule };
  if (notifications !== undefined) {
    target.notifications = { ...defaultNotifications(), ...notifications };
  }
  target.nextExecutionAt = nextExecutionAt(target.schedule, now);
  target.updatedAt = isoAt(now);
  return target;
}

const blankWorkflow = () => ({
  description: null,
  definition: "",
  valid: true,
  state: "idle",
  schedule: defaultSchedule(),
  notifications: defaultNotifications(),
  timeZone: "America/Chicago",
  allowConcurrentExecutions: false,
  hidden: false,
});

function cancelTasks(tasks: Task[], at: string): void {
  // A stack, not recursion: task trees can be as deep as a caller makes them.
  const stack = [...tasks];
  for (let task = stack.pop(); task; task = stack.pop()) {
    if (task.state === "queued" || task.state === "running") {
      task.state = "cancelled";
      task.finishedAt = at;
    }
    stack.push(...task.subtasks);
  }
}

function findExecution(data: SampleData, params: HandlerContext["params"]): Execution {
  find(data.workflows, params.id);
  const execution = find(data.executions, params.execution_id);
  if (execution.workflowId !== params.id) throw notFound();
  return execution;
}

export const workflows: SampleArea = {
  paths: workflowPaths(),
  definitions: workflowDefinitions(),
  handlers: {
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
    "POST /workflows": ({ data, body, view, now }) => {
      const workflow: Workflow = {
        id: takeId(data, "workflows"),
        name: "",
        ...blankWorkflow(),
        archived: false,
        myPermissionLevel: "manage",
        nextExecutionAt: null,
        user: currentUser(data),
        createdAt: "",
        updatedAt: "",
      };
      writeWorkflow(workflow, body as WorkflowFields, now());
      workflow.createdAt = workflow.updatedAt;
      data.workflows.set(workflow.id, workflow);
      return created(view("Workflow")(workflow));
    },
    "GET /workflows/{id}": ({ data, params, view }) =>
      ok(view("Workflow")(find(data.workflows, params.id))),
    "PATCH /workflows/{id}": ({ data, params, body, view, now }) =>
      ok(
        view("Workflow")(
          writeWorkflow(find(data.workflows, params.id), body as WorkflowFields, now()),
        ),
      ),
    "PUT /workflows/{id}": ({ data, params, body, view, now }) => {
      const workflow = find(data.workflows, params.id);
      Object.assign(workflow, blankWorkflow());
      return ok(view("Workflow")(writeWorkflow(workflow, body as WorkflowFields, now())));
    },
    "DELETE /workflows/{id}": ({ data, params }) => {
      find(data.workflows, params.id);
      data.workflows.delete(Number(params.id));
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
    "POST /workflows/{id}/executions": ({ data, params, body, view, now }) => {
      const workflow = find(data.workflows, params.id);
      const { targetTask, input } = (body ?? {}) as { targetTask?: string; input?: JsonObject };
      const at = isoAt(now());
      const execution: Execution = {
        id: takeId(data, "executions"),
        workflowId: workflow.id,
        state: "queued",
        mode: "manual",
        user: currentUser(data),
        targetTask: targetTask ?? null,
        input: input ?? {},
        startedAt: null,
        finishedAt: null,
        createdAt: at,
        updatedAt: at,
        tasks: [
          {
            name: targetTask ?? "main",
            state: "queued",
            startedAt: null,
            finishedAt: null,
            subtasks: [],
          },
        ],
      };
      data.executions.set(execution.id, execution);
      workflow.state = "queued";
      return created(view("WorkflowExecution")(execution));
    },
    "GET /workflows/{id}/executions/{execution_id}": ({ data, params, view }) =>
      ok(view("WorkflowExecution")(findExecution(data, params))),
    "POST /workflows/{id}/executions/{execution_id}/cancel": ({ data, params, view, now }) => {
      const execution = findExecution(data, params);
      // Cancelling a finished execution is a no-op, not an error: it is idempotent.
      if (execution.state === "queued" || execution.state === "running") {
        const at = isoAt(now());
        execution.state = "cancelled";
        execution.finishedAt = at;
        execution.updatedAt = at;
        cancelTasks(execution.tasks, at);
      }
      return ok(view("WorkflowExecution")(execution));
    },
  },
  seed(data) {
    const users = [...data.users.values()];
    data.workflows = byId(seedWorkflows(users));
    data.executions = byId(seedExecutions(users));
    data.nextId.workflows = nextAfter(data.workflows);
    data.nextId.executions = nextAfter(data.executions);
  },
};
