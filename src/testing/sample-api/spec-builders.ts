// Small builders for the sample spec, shaped like the Civis API's `/endpoints` document: no
// operationIds, snake_case query and path parameters, camelCase body and response properties,
// nested objects inline, and the `deprecated` / `x-deprecation-warning` pair on every operation.
// Each returns a fresh object, so no two places in the spec share one: a client that annotates
// the spec in place must not see one edit leak into another operation.

import type { Operation, Parameter, PathItem, Schema } from "./swagger.js";

export const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
export const arrayOf = (items: Schema, description?: string): Schema =>
  description === undefined ? { type: "array", items } : { type: "array", items, description };
export const str = (description: string): Schema => ({ type: "string", description });
export const int = (description: string): Schema => ({ type: "integer", description });
export const num = (description: string): Schema => ({ type: "number", description });
export const bool = (description: string): Schema => ({ type: "boolean", description });
export const time = (description: string): Schema => ({
  type: "string",
  format: "date-time",
  description,
});
export const object = (properties: Record<string, Schema>, description?: string): Schema =>
  description === undefined
    ? { type: "object", properties }
    : { type: "object", description, properties };

export const idParam = (name = "id", description = "The ID of the resource."): Parameter => ({
  name,
  in: "path",
  required: true,
  type: "integer",
  description,
});

export const stringParam = (name: string, description: string, required = false): Parameter => ({
  name,
  in: "query",
  required,
  type: "string",
  description,
});

export const pagination = (): Parameter[] => [
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

export const ordering = (orders: string[], defaultOrder: string): Parameter[] => [
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

export const body = (definition: string, required = true): Parameter => ({
  name: "body",
  in: "body",
  required,
  schema: ref(definition),
});

export const ok = (schema: Schema, status = "200"): Operation["responses"] => ({
  [status]: { description: "success", schema },
});
export const noContent = (): Operation["responses"] => ({ 204: { description: "success" } });

export function op(
  tag: string,
  summary: string,
  parameters: Parameter[],
  responses: Operation["responses"],
  extra: Partial<Operation> = {},
): Operation {
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

/** The user summary the real API nests in many answers. */
export const userSummary = (): Schema =>
  object({
    id: int("The ID of this user."),
    name: str("This user's name."),
    username: str("This user's username."),
    initials: str("This user's initials."),
    online: bool("Whether this user is online."),
  });

/**
 * The run the real API declares for a custom script or a query (CustomRun, QueryRun): the same
 * fields but the parent's id, `customId` or `queryId`.
 */
export const parentRun = (parentId: string, parent: string): Schema =>
  object({
    id: int("The ID of the run."),
    [parentId]: int(`The ID of the ${parent} job.`),
    state: str(
      "The state of the run, one of 'queued' 'running' 'succeeded' 'failed' or 'cancelled'.",
    ),
    isCancelRequested: bool("True if run cancel requested, else false."),
    createdAt: time("The time the run was created."),
    startedAt: time("The time the run started at."),
    finishedAt: time("The time the run completed."),
    error: str("The error, if any, returned by the run."),
  });

/**
 * A job type's "Start a run" (`POST {base}/{id}/runs`, 202) and "Check status of a run"
 * (`GET {base}/{id}/runs/{run_id}`), and with `cancellable` its "Cancel a run" (`DELETE`,
 * 202), as the real API declares them for each kind of script.
 */
export const runPaths = (
  tag: string,
  base: string,
  jobIdDescription: string,
  runDefinition: string,
  cancellable = false,
): Record<string, PathItem> => {
  const runParams = () => [
    idParam("id", jobIdDescription),
    idParam("run_id", "The ID of the run."),
  ];
  const run: PathItem = {
    get: op(tag, "Check status of a run", runParams(), ok(ref(runDefinition))),
  };
  if (cancellable) {
    run.delete = op(tag, "Cancel a run", runParams(), { 202: { description: "success" } });
  }
  return {
    [`${base}/{id}/runs`]: {
      post: op(
        tag,
        "Start a run",
        [idParam("id", jobIdDescription)],
        ok(ref(runDefinition), "202"),
      ),
    },
    [`${base}/{id}/runs/{run_id}`]: run,
  };
};
