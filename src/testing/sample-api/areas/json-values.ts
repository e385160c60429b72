import type { SampleArea } from "../area.js";
import type { Json } from "../json.js";
import { created, find, ok } from "../results.js";
import { body, idParam, int, object, ok as okSchema, op, ref, str } from "../spec-builders.js";
import { byId, nextAfter, takeId } from "../store.js";

export interface JsonValue {
  id: number;
  name: string | null;
  value: Json;
}

declare module "../store.js" {
  interface SampleData {
    jsonValues: Map<number, JsonValue>;
  }
}

const seedJsonValues = (): JsonValue[] => [
  { id: 501, name: "dashboard-config", value: { theme: "dark", panels: [1, 2, 3] } },
  { id: 502, name: "turnout-threshold", value: 0.75 },
  { id: 503, name: "regions", value: ["midwest", "south", "west"] },
];

export const jsonValues: SampleArea = {
  paths: {
    "/json_values": {
      post: op(
        "json_values",
        "Create a JSON Value",
        [body("JsonValueCreate")],
        okSchema(ref("JsonValue"), "201"),
      ),
    },
    "/json_values/{id}": {
      get: op("json_values", "Get a JSON Value", [idParam()], okSchema(ref("JsonValue"))),
      patch: op(
        "json_values",
        "Update some attributes of this JSON Value",
        [idParam(), body("JsonValueUpdate")],
        okSchema(ref("JsonValue")),
      ),
    },
  },
  definitions: {
    JsonValue: object({
      id: int("The ID of the JSON Value."),
      name: str("The name of the JSON Value."),
      value: { description: "The deserialized JSON value: any JSON, including null." },
    }),
    JsonValueCreate: {
      type: "object",
      required: ["value"],
      properties: {
        name: str("The name of the JSON Value."),
        value: { description: "The JSON value to store: any JSON, including null." },
      },
    },
    JsonValueUpdate: object({
      name: str("The name of the JSON Value."),
      value: { description: "The JSON value to store: any JSON, including null." },
    }),
  },
  handlers: {
    "POST /json_values": ({ data, body, view }) => {
      const { name, value } = body as { name?: string; value: Json };
      const record: JsonValue = { id: takeId(data, "jsonValues"), name: name ?? null, value };
      data.jsonValues.set(record.id, record);
      return created(view("JsonValue")(record));
    },
    "GET /json_values/{id}": ({ data, params, view }) =>
      ok(view("JsonValue")(find(data.jsonValues, params.id))),
    "PATCH /json_values/{id}": ({ data, params, body, view }) => {
      const record = find(data.jsonValues, params.id);
      const fields = body as { name?: string | null; value?: Json };
      // `value` may legitimately be set to null, so test presence, not truthiness.
      if ("name" in fields) record.name = fields.name ?? null;
      if ("value" in fields) record.value = fields.value as Json;
      return ok(view("JsonValue")(record));
    },
  },
  seed(data) {
    data.jsonValues = byId(seedJsonValues());
    data.nextId.jsonValues = nextAfter(data.jsonValues);
  },
};
