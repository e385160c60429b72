// A small Swagger 2.0 spec shaped like the Civis API's `/endpoints` document:
// no operationIds (clients derive method names from paths), snake_case query and
// path parameters, camelCase body and response properties, nested objects written
// inline, and the `deprecated` / `x-deprecation-warning` pair on every operation.
//
// Helpers return fresh objects on every call so no two places in the spec share
// an object: clients that dereference or annotate the spec in place must not see
// one edit leak into another operation.

const ref = (name) => ({ $ref: `#/definitions/${name}` });
const arrayOf = (items) => ({ type: "array", items });
const str = (description) => ({ type: "string", description });
const int = (description) => ({ type: "integer", description });
const bool = (description) => ({ type: "boolean", description });
const time = (description) => ({ type: "string", format: "date-time", description });

const idParam = (name = "id", description = "The ID of the resource.") => ({
  name,
  in: "path",
  required: true,
  type: "integer",
  description,
});

const pagination = () => [
  {
    name: "limit",
    in: "query",
    required: false,
    type: "integer",
    description: "Number of results to return. Defaults to 20. Maximum allowed is 50.",
  },
  {
    name: "page_num",
    in: "query",
    required: false,
    type: "integer",
    description: "Page number of the results to return. Defaults to the first page, 1.",
  },
];

const ordering = (orders, defaultOrder) => [
  {
    name: "order",
    in: "query",
    required: false,
    type: "string",
    enum: orders,
    default: defaultOrder,
    description: `The field on which to order the result set. Defaults to ${defaultOrder}.`,
  },
  {
    name: "order_dir",
    in: "query",
    required: false,
    type: "string",
    enum: ["asc", "desc"],
    default: "desc",
    description: "Direction in which to sort, either asc (ascending) or desc (descending).",
  },
];

const body = (definition, required = true) => ({
  name: "body",
  in: "body",
  required,
  schema: ref(definition),
});

const ok = (schema, status = "200") => ({ [status]: { description: "success", schema } });
const noContent = () => ({ 204: { description: "success" } });

function op(tag, summary, parameters, responses, extra = {}) {
  return {
    tags: [tag],
    summary,
    parameters,
    responses,
    deprecated: false,
    "x-deprecation-warning": null,
    ...extra,
  };
}

// --- shared inline shapes -------------------------------------------------

const userSummary = () => ({
  type: "object",
  properties: {
    id: int("The ID of this user."),
    name: str("This user's name."),
    username: str("This user's username."),
    initials: str("This user's initials."),
    online: bool("Whether this user is online."),
  },
});

const schedule = () => ({
  type: "object",
  description: "When the workflow runs on its own.",
  properties: {
    scheduled: bool("If the item is scheduled."),
    scheduledDays: {
      ...arrayOf({ type: "integer" }),
      description: "Days of the week, based on numeric value starting at 0 for Sunday.",
    },
    scheduledHours: {
      ...arrayOf({ type: "integer" }),
      description: "Hours of the day it is scheduled on.",
    },
    scheduledMinutes: {
      ...arrayOf({ type: "integer" }),
      description: "Minutes of the day it is scheduled on.",
    },
    scheduledRunsPerHour: int("Alternative to scheduled minutes, number of times to run per hour."),
  },
});

const notifications = () => ({
  type: "object",
  description: "Who hears about the workflow's executions.",
  properties: {
    urls: { ...arrayOf({ type: "string" }), description: "URLs to receive a POST request." },
    successEmailSubject: str("Custom subject line for success e-mail."),
    successEmailBody: str("Custom body text for success e-mail, written in Markdown."),
    successEmailAddresses: {
      ...arrayOf({ type: "string" }),
      description: "Addresses to notify by e-mail when the workflow succeeds.",
    },
    failureEmailAddresses: {
      ...arrayOf({ type: "string" }),
      description: "Addresses to notify by e-mail when the workflow fails.",
    },
    stallWarningMinutes: int("Stall warning emails will be sent after this amount of minutes."),
    successOn: bool("If success email notifications are on."),
    failureOn: bool("If failure email notifications are on."),
  },
});

// The writable workflow fields, shared by POST, PATCH and PUT bodies.
const workflowFields = () => ({
  name: str("The name of this workflow."),
  description: str("A description of the workflow."),
  definition: str("The definition of the workflow in YAML format."),
  schedule: schedule(),
  notifications: notifications(),
  timeZone: str("The time zone of this workflow."),
  allowConcurrentExecutions: bool("Whether the workflow can execute when already running."),
  hidden: bool("The hidden status of the item."),
});

const workflowSummaryFields = () => ({
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

const executionSummaryFields = () => ({
  id: int("The ID for this workflow execution."),
  state: str("The state of this workflow execution."),
  mode: str("How this workflow execution was triggered (manual or scheduled)."),
  user: userSummary(),
  startedAt: time("The time this execution started."),
  finishedAt: time("The time this execution finished."),
  createdAt: time("The time this execution was created."),
  updatedAt: time("The time this execution was last updated."),
});

const scriptSummaryFields = () => ({
  id: int("The ID for the script."),
  name: str("The name of the script."),
  type: str("The type of the script (e.g. Custom, Python, SQL)."),
  state: str("The status of the script's last run."),
  user: userSummary(),
  archived: bool("The archival status of the requested item(s)."),
  createdAt: time("The time this script was created."),
  updatedAt: time("The time the script was last updated."),
  lastRun: ref("ScriptRun"),
});

// --- the spec ----------------------------------------------------------------

export const sampleSpec = {
  swagger: "2.0",
  info: {
    title: "Civis Sample API",
    version: "1.0.0",
    description:
      "A small, self-contained stand-in for the Civis Platform API, used by the demo and the browser tests.",
  },
  host: "127.0.0.1",
  schemes: ["http"],
  consumes: ["application/json"],
  produces: ["application/json"],
  securityDefinitions: {
    basicAuth: {
      type: "basic",
      description: "Your API key as the username, with an empty password.",
    },
  },
  security: [{ basicAuth: [] }],
  paths: {
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
    "/scripts": {
      get: op(
        "scripts",
        "List Scripts",
        [...pagination(), ...ordering(["updated_at", "name", "id"], "updated_at")],
        ok(arrayOf(ref("ScriptListItem"))),
      ),
    },
    "/scripts/custom": {
      post: op(
        "scripts",
        "Create a Custom Script",
        [body("ScriptCustomCreate")],
        ok(ref("Script"), "201"),
      ),
    },
    "/scripts/{id}": {
      get: op("scripts", "Get a Script", [idParam()], ok(ref("Script"))),
      delete: op("scripts", "Delete a Script", [idParam()], noContent()),
    },
    "/scripts/{id}/runs": {
      get: op(
        "scripts",
        "List runs for the given Script",
        [idParam("id", "The ID of the script."), ...pagination()],
        ok(arrayOf(ref("ScriptRun"))),
      ),
    },
    "/scripts/{id}/legacy_runs": {
      get: op(
        "scripts",
        "List runs for the given Script (legacy format)",
        [idParam("id", "The ID of the script."), ...pagination()],
        ok(arrayOf(ref("ScriptRun"))),
        {
          deprecated: true,
          "x-deprecation-warning":
            "This endpoint is deprecated; use GET /scripts/{id}/runs instead.",
        },
      ),
    },
    "/users": {
      get: op("users", "List Users", pagination(), ok(arrayOf(ref("UserListItem")))),
    },
    "/users/me": {
      get: op("users", "Show info about the logged-in user", [], ok(ref("CurrentUser"))),
    },
    "/users/{id}": {
      get: op("users", "Show info about a user", [idParam()], ok(ref("User"))),
    },
    "/json_values": {
      post: op(
        "json_values",
        "Create a JSON Value",
        [body("JsonValueCreate")],
        ok(ref("JsonValue"), "201"),
      ),
    },
    "/json_values/{id}": {
      get: op("json_values", "Get a JSON Value", [idParam()], ok(ref("JsonValue"))),
      patch: op(
        "json_values",
        "Update some attributes of this JSON Value",
        [idParam(), body("JsonValueUpdate")],
        ok(ref("JsonValue")),
      ),
    },
  },
  definitions: {
    WorkflowListItem: { type: "object", properties: workflowSummaryFields() },
    Workflow: {
      type: "object",
      properties: {
        ...workflowSummaryFields(),
        definition: str("The definition of the workflow in YAML format."),
        schedule: schedule(),
        notifications: notifications(),
        allowConcurrentExecutions: bool("Whether the workflow can execute when already running."),
        hidden: bool("The hidden status of the item."),
        myPermissionLevel: str("Your permission level on the object: read, write, or manage."),
      },
    },
    WorkflowCreate: { type: "object", required: ["name"], properties: workflowFields() },
    WorkflowUpdate: { type: "object", properties: workflowFields() },
    WorkflowReplace: {
      type: "object",
      required: ["name", "definition"],
      properties: workflowFields(),
    },
    WorkflowExecuteRequest: {
      type: "object",
      properties: {
        targetTask: str("For a reverse workflow, the name of a task to target."),
        input: {
          type: "object",
          description: "Key-value pairs to send to this execution as inputs.",
        },
      },
    },
    WorkflowExecutionListItem: { type: "object", properties: executionSummaryFields() },
    WorkflowExecution: {
      type: "object",
      properties: {
        ...executionSummaryFields(),
        targetTask: str("For a reverse workflow, the name of the targeted task."),
        input: { type: "object", description: "Key-value pairs sent to this execution." },
        tasks: { ...arrayOf(ref("WorkflowTask")), description: "The tasks of this execution." },
      },
    },
    // Refers to itself: clients must not recurse forever when walking schemas.
    WorkflowTask: {
      type: "object",
      properties: {
        name: str("The name of the task."),
        state: str("The state of the task."),
        startedAt: time("The time this task started."),
        finishedAt: time("The time this task finished."),
        subtasks: { ...arrayOf(ref("WorkflowTask")), description: "Tasks nested under this one." },
      },
    },
    ScriptListItem: { type: "object", properties: scriptSummaryFields() },
    Script: {
      type: "object",
      properties: {
        ...scriptSummaryFields(),
        fromTemplateId: int("The ID of the template script."),
        arguments: {
          type: "object",
          description: "Parameter-value pairs to use when running this script.",
        },
        environmentVariables: {
          type: "object",
          additionalProperties: { type: "string" },
          description: "Environment variables set when the script runs.",
        },
      },
    },
    ScriptCustomCreate: {
      type: "object",
      required: ["fromTemplateId"],
      properties: {
        fromTemplateId: int("The ID of the template script."),
        name: str("The name of the script."),
        arguments: {
          type: "object",
          description: "Parameter-value pairs to use when running this script.",
        },
        environmentVariables: {
          type: "object",
          additionalProperties: { type: "string" },
          description: "Environment variables set when the script runs.",
        },
      },
    },
    ScriptRun: {
      type: "object",
      properties: {
        id: int("The ID of the run."),
        scriptId: int("The ID of the script."),
        state: str("The state of the run: queued, running, succeeded, failed or cancelled."),
        isCancelRequested: bool("True if run cancel requested, else false."),
        createdAt: time("The time the run was created."),
        startedAt: time("The time the run started."),
        finishedAt: time("The time the run completed."),
        error: str("The error, if any, returned by the run."),
      },
    },
    CurrentUser: {
      type: "object",
      properties: {
        id: int("The ID of this user."),
        name: str("This user's name."),
        email: str("This user's email address."),
        username: str("This user's username."),
        initials: str("This user's initials."),
        organizationName: str("The name of the organization the user belongs to."),
        roles: { ...arrayOf({ type: "string" }), description: "The roles this user has." },
        createdAt: time("The date and time when the user was created."),
        lastCheckedAnnouncements: time(
          "The date and time at which the user last checked their announcements.",
        ),
        featureFlags: {
          type: "object",
          additionalProperties: { type: "boolean" },
          description: "The feature flag settings for this user.",
        },
      },
    },
    UserListItem: {
      type: "object",
      properties: {
        id: int("The ID of this user."),
        name: str("This user's name."),
        username: str("This user's username."),
        initials: str("This user's initials."),
        email: str("This user's email address."),
        online: bool("Whether this user is online."),
        active: bool("Whether this user is able to log in."),
        createdAt: time("The date and time when the user was created."),
      },
    },
    User: {
      type: "object",
      properties: {
        id: int("The ID of this user."),
        name: str("This user's name."),
        username: str("This user's username."),
        initials: str("This user's initials."),
        email: str("This user's email address."),
        active: bool("Whether this user is able to log in."),
        primaryGroupId: int("The ID of the primary group of this user."),
        groups: {
          ...arrayOf({
            type: "object",
            properties: { id: int("The ID of this group."), name: str("The name of this group.") },
          }),
          description: "The groups this user belongs to.",
        },
        createdAt: time("The date and time when the user was created."),
        updatedAt: time("The date and time when the user was last updated."),
      },
    },
    JsonValue: {
      type: "object",
      properties: {
        id: int("The ID of the JSON Value."),
        name: str("The name of the JSON Value."),
        value: { description: "The deserialized JSON value: any JSON, including null." },
      },
    },
    JsonValueCreate: {
      type: "object",
      required: ["value"],
      properties: {
        name: str("The name of the JSON Value."),
        value: { description: "The JSON value to store: any JSON, including null." },
      },
    },
    JsonValueUpdate: {
      type: "object",
      properties: {
        name: str("The name of the JSON Value."),
        value: { description: "The JSON value to store: any JSON, including null." },
      },
    },
  },
};
