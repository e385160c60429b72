import { describe, expect, it } from "vitest";
import { RefResolver } from "../../src/description/refs.js";
import { ResolvedSchemas } from "../../src/description/resolved-schemas.js";
import type { Schema } from "../../src/description/types.js";
import { toSpecKeys } from "../../src/methods/body-keys.js";

const definitions: Record<string, Schema> = {
  Task: {
    type: "object",
    properties: {
      taskName: { type: "string" },
      subTasks: { type: "array", items: { $ref: "#/definitions/Task" } },
    },
  },
};
// The model hands out resolved schemas: `$ref`s followed once, in normalization.
const schemas = new ResolvedSchemas(new RefResolver({ definitions }));

const workflow = schemas.resolve({
  type: "object",
  properties: {
    timeZone: { type: "string" },
    instanceConfigs: {
      type: "array",
      items: {
        type: "object",
        properties: { instanceType: { type: "string" }, minInstances: { type: "integer" } },
      },
    },
    schedule: {
      type: "object",
      properties: { scheduledDays: { type: "array", items: { type: "integer" } } },
    },
    arguments: { type: "object", description: "free-form" },
    environmentVariables: { type: "object", additionalProperties: { type: "string" } },
    tasks: { type: "array", items: { $ref: "#/definitions/Task" } },
  },
} satisfies Schema);

describe("toSpecKeys", () => {
  it("renames nested snake_case keys the schema lists, arrays of objects included", () => {
    const body = toSpecKeys(
      {
        time_zone: "UTC",
        instance_configs: [{ instance_type: "m5", min_instances: 1 }, { instance_type: "c5" }],
        schedule: { scheduled_days: [0, 6] },
      },
      workflow,
    );
    expect(body).toEqual({
      timeZone: "UTC",
      instanceConfigs: [{ instanceType: "m5", minInstances: 1 }, { instanceType: "c5" }],
      schedule: { scheduledDays: [0, 6] },
    });
  });

  it("accepts the spec's own spelling as well", () => {
    expect(toSpecKeys({ timeZone: "UTC", schedule: { scheduledDays: [1] } }, workflow)).toEqual({
      timeZone: "UTC",
      schedule: { scheduledDays: [1] },
    });
  });

  it("leaves the keys of free-form objects untouched", () => {
    const body = toSpecKeys(
      {
        arguments: { my_arg: 1, camelArg: { inner_key: 2 } },
        environment_variables: { MY_VAR: "x", some_var: "y" },
      },
      workflow,
    );
    expect(body).toEqual({
      arguments: { my_arg: 1, camelArg: { inner_key: 2 } },
      environmentVariables: { MY_VAR: "x", some_var: "y" },
    });
  });

  it("passes keys the schema does not list as given", () => {
    expect(toSpecKeys({ not_listed: 1, schedule: { also_not: 2 } }, workflow)).toEqual({
      not_listed: 1,
      schedule: { also_not: 2 },
    });
  });

  it("follows `$ref`s, recursive ones included", () => {
    const body = toSpecKeys(
      { tasks: [{ task_name: "a", sub_tasks: [{ task_name: "b", sub_tasks: [] }] }] },
      workflow,
    );
    expect(body).toEqual({
      tasks: [{ taskName: "a", subTasks: [{ taskName: "b", subTasks: [] }] }],
    });
  });

  it("leaves scalars, null, dates and schema-less values alone", () => {
    const date = new Date(0);
    expect(toSpecKeys(null, workflow)).toBeNull();
    expect(toSpecKeys(3, workflow)).toBe(3);
    expect(toSpecKeys(date, workflow)).toBe(date);
    const free = { some_key: 1 };
    expect(toSpecKeys(free, undefined)).toBe(free);
  });

  it("keeps a `__proto__` key as data", () => {
    const body = toSpecKeys(JSON.parse('{"__proto__": {"x": 1}}'), workflow) as object;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.hasOwn(body, "__proto__")).toBe(true);
  });

  it("does not change the caller's object", () => {
    const given = { time_zone: "UTC" };
    toSpecKeys(given, workflow);
    expect(given).toEqual({ time_zone: "UTC" });
  });
});
