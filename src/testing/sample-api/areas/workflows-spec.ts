import {
  arrayOf,
  body,
  bool,
  idParam,
  int,
  noContent,
  object,
  ok,
  op,
  ordering,
  pagination,
  ref,
  str,
  time,
  userSummary,
} from "../spec-builders.js";
import type { PathItem, Schema } from "../swagger.js";

const schedule = (): Schema =>
  object(
    {
      scheduled: bool("If the item is scheduled."),
      scheduledDays: arrayOf(
        { type: "integer" },
        "Days of the week, based on numeric value starting at 0 for Sunday.",
      ),
      scheduledHours: arrayOf({ type: "integer" }, "Hours of the day it is scheduled on."),
      scheduledMinutes: arrayOf({ type: "integer" }, "Minutes of the day it is scheduled on."),
      scheduledRunsPerHour: int(
        "Alternative to scheduled minutes, number of times to run per hour.",
      ),
    },
    "When the workflow runs on its own.",
  );

const notifications = (): Schema =>
  object(
    {
      urls: arrayOf({ type: "string" }, "URLs to receive a POST request."),
      successEmailSubject: str("Custom subject line for success e-mail."),
      successEmailBody: str("Custom body text for success e-mail, written in Markdown."),
      successEmailAddresses: arrayOf(
        { type: "string" },
        "Addresses to notify by e-mail when the workflow succeeds.",
      ),
      failureEmailAddresses: arrayOf(
        { type: "string" },
        "Addresses to notify by e-mail when the workflow fails.",
      ),
      stallWarningMinutes: int("Stall warning emails will be sent after this amount of minutes."),
      successOn: bool("If success email notifications are on."),
      failureOn: bool("If failure email notifications are on."),
    },
    "Who hears about the workflow's executions.",
  );

// The writable workflow fields, shared by POST, PATCH and PUT bodies.
const workflowFields = (): Record<string, Schema> => ({
  name: str("The name of this workflow."),
  description: str("A description of the workflow."),
  definition: str("The definition of the workflow in YAML format."),
  schedule: schedule(),
  notifications: notifications(),
  timeZone: str("The time zone of this workflow."),
  allowConcurrentExecutions: bool("Whether the workflow can execute when already running."),
  hidden: bool("The hidden status of the item."),
});

const workflowSummaryFields = (): Record<string, Schema> => ({
  id: int("The ID for this workflow."),
  name: str("The name of this workflow."),
  description: str("A description of the workflow."),
  valid: bool("The validity of the workflow definition."),
  state: str("The state of the workflow: idle, queued, running, succeeded, failed or cancelled."),
  timeZone: str("The time zone of this workflow."),
  nextExecutionAt: time("The time of the next scheduled execution."),
  user: userSummary(),
  archived: bool("The archival status of the requested item(s)."),
  createdAt: time("When the workflow was created."),
  updatedAt: time("When the workflow was last updated."),
});

const executionSummaryFields = (): Record<string, Schema> => ({
  id: int("The ID for this workflow execution."),
  state: str("The state of this workflow execution."),
  mode: str("How this workflow execution was triggered (manual or scheduled)."),
  user: userSummary(),
  startedAt: time("The time this execution started."),
  finishedAt: time("The time this execution finished."),
  createdAt: time("The time this execution was created."),
  updatedAt: time("The time this execution was last updated."),
});

export const workflowPaths = (): Record<string, PathItem> => ({
  "/workflows": {
    get: op(
      "workflows",
      "List Workflows",
      [
        {
          name: "archived",
          in: "query",
          required: false,
          type: "string",
          enum: ["true", "false", "all"],
          default: "false",
          description:
            "The archival status of the requested item(s): true, false, or all. Defaults to false.",
        },
        ...pagination(),
        ...ordering(["updated_at", "created_at", "name", "id"], "updated_at"),
      ],
      ok(arrayOf(ref("WorkflowListItem"))),
    ),
    post: op(
      "workflows",
      "Create a Workflow",
      [body("WorkflowCreate")],
      ok(ref("Workflow"), "201"),
    ),
  },
  "/workflows/{id}": {
    get: op("workflows", "Get a Workflow", [idParam()], ok(ref("Workflow"))),
    put: op(
      "workflows",
      "Replace all attributes of this Workflow",
      [idParam(), body("WorkflowReplace")],
      ok(ref("Workflow")),
    ),
    patch: op(
      "workflows",
      "Update some attributes of this Workflow",
      [idParam(), body("WorkflowUpdate")],
      ok(ref("Workflow")),
    ),
    delete: op("workflows", "Delete a Workflow", [idParam()], noContent()),
  },
  "/workflows/{id}/executions": {
    get: op(
      "workflows",
      "List workflow executions",
      [idParam("id", "The ID for the workflow."), ...pagination()],
      ok(arrayOf(ref("WorkflowExecutionListItem"))),
    ),
    post: op(
      "workflows",
      "Execute a workflow",
      [idParam("id", "The ID for the workflow."), body("WorkflowExecuteRequest", false)],
      ok(ref("WorkflowExecution"), "201"),
    ),
  },
  "/workflows/{id}/executions/{execution_id}": {
    get: op(
      "workflows",
      "Get a workflow execution",
      [
        idParam("id", "The ID for the workflow."),
        idParam("execution_id", "The ID for the workflow execution."),
      ],
      ok(ref("WorkflowExecution")),
    ),
  },
  "/workflows/{id}/executions/{execution_id}/cancel": {
    post: op(
      "workflows",
      "Cancel a workflow execution",
      [
        idParam("id", "The ID for the workflow."),
        idParam("execution_id", "The ID for the workflow execution."),
      ],
      ok(ref("WorkflowExecution")),
    ),
  },
});

export const workflowDefinitions = (): Record<string, Schema> => ({
  WorkflowListItem: object(workflowSummaryFields()),
  Workflow: object({
    ...workflowSummaryFields(),
    definition: str("The definition of the workflow in YAML format."),
    schedule: schedule(),
    notifications: notifications(),
    allowConcurrentExecutions: bool("Whether the workflow can execute when already running."),
    hidden: bool("The hidden status of the item."),
    myPermissionLevel: str("Your permission level on the object: read, write, or manage."),
  }),
  WorkflowCreate: { type: "object", required: ["name"], properties: workflowFields() },
  WorkflowUpdate: object(workflowFields()),
  WorkflowReplace: {
    type: "object",
    required: ["name", "definition"],
    properties: workflowFields(),
  },
  WorkflowExecuteRequest: object({
    targetTask: str("For a reverse workflow, the name of a task to target."),
    input: { type: "object", description: "Key-value pairs to send to this execution as inputs." },
  }),
  WorkflowExecutionListItem: object(executionSummaryFields()),
  WorkflowExecution: object({
    ...executionSummaryFields(),
    targetTask: str("For a reverse workflow, the name of the targeted task."),
    input: { type: "object", description: "Key-value pairs sent to this execution." },
    tasks: arrayOf(ref("WorkflowTask"), "The tasks of this execution."),
  }),
  // Refers to itself: clients must not recurse forever when walking schemas.
  WorkflowTask: object({
    name: str("The name of the task."),
    state: str("The state of the task."),
    startedAt: time("The time this task started."),
    finishedAt: time("The time this task finished."),
    subtasks: arrayOf(ref("WorkflowTask"), "Tasks nested under this one."),
  }),
});
