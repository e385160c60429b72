import { describe, expect, it } from "vitest";
import type { Schema } from "../../src/description/types.js";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { interfacesOf } from "./helpers/declarations.js";

/** An OpenAPI 3.0 spec with `POST /things` taking `body` and answering `answer`. */
function spec(body: Schema | undefined, answer: Schema, schemas: Record<string, Schema> = {}) {
  return {
    openapi: "3.0.3",
    info: { title: "Things" },
    paths: {
      "/things": {
        post: {
          ...(body ? { requestBody: { content: { "application/json": { schema: body } } } } : {}),
          responses: {
            200: { description: "ok", content: { "application/json": { schema: answer } } },
          },
        },
      },
    },
    components: { schemas },
  };
}

function generate(body: Schema | undefined, answer: Schema, schemas: Record<string, Schema> = {}) {
  const text = generateTypes(spec(body, answer, schemas)).text;
  const interfaces = interfacesOf(text);
  const typeOf = (name: string, member: string) =>
    interfaces.get(name)?.find((m) => m.name === member)?.type;
  return { text, interfaces, typeOf };
}

const object = (properties: Record<string, Schema>, required?: string[]): Schema => ({
  type: "object",
  properties,
  ...(required ? { required } : {}),
});

describe("parameters (what a call accepts)", () => {
  it("uses snake_case names, makes only required ones required, enums unions", () => {
    const { text } = generate(
      object(
        {
          fileName: { type: "string" },
          sizeBytes: { type: "integer" },
          kind: { type: "string", enum: ["a", "b"] },
          level: { type: "integer", enum: [1, 2] },
          when: { type: "string", format: "date-time" },
          tags: { type: "array", items: { type: "string" } },
        },
        ["fileName"],
      ),
      { type: "object" },
    );
    expect(text).toContain(
      [
        "export interface ThingsPostParams {",
        "  file_name: string;",
        "  size_bytes?: number;",
        '  kind?: "a" | "b";',
        "  level?: 1 | 2;",
        "  when?: string;",
        "  tags?: readonly string[];",
        "}",
      ].join("\n"),
    );
  });

  it("types nested body objects, free-form objects and maps", () => {
    const { text } = generate(
      object({
        schedule: object({ scheduledDays: { type: "array", items: { type: "integer" } } }, [
          "scheduledDays",
        ]),
        arguments: { type: "object" },
        counts: { type: "object", additionalProperties: { type: "integer" } },
        open: object({ a: { type: "string" } }),
      }),
      { type: "object" },
    );
    expect(text).toContain("  schedule?: {\n    scheduled_days: readonly number[];\n  };");
    expect(text).toContain("  arguments?: Record<string, unknown>;");
    expect(text).toContain("  counts?: Record<string, number>;");
  });

  it("accepts null where the spec allows it (3.0 nullable, 3.1 type arrays)", () => {
    const { typeOf } = generate(
      object({ a: { type: "string", nullable: true }, b: { type: ["string", "null"] } }),
      { type: "object" },
    );
    expect(typeOf("ThingsPostParams", "a")).toBe("string | null");
    expect(typeOf("ThingsPostParams", "b")).toBe("string | null");
  });

  it("writes oneOf / anyOf as unions and allOf as intersections", () => {
    const { typeOf, text } = generate(
      object({
        id: { oneOf: [{ type: "string" }, { type: "integer" }] },
        label: { anyOf: [{ type: "string" }, { $ref: "#/components/schemas/Label" }] },
        both: {
          allOf: [{ $ref: "#/components/schemas/Label" }, object({ extra: { type: "boolean" } })],
        },
      }),
      { type: "object" },
      { Label: object({ name: { type: "string" } }, ["name"]) },
    );
    expect(typeOf("ThingsPostParams", "id")).toBe("string | number");
    expect(typeOf("ThingsPostParams", "label")).toBe("string | LabelInput");
    expect(typeOf("ThingsPostParams", "both")).toMatch(
      /^LabelInput & \{\s+extra\?: boolean;\s+\}$/,
    );
    expect(text).toContain("export interface LabelInput {\n  name: string;\n}");
  });

  it("takes no params object at all when there are none", () => {
    const { text } = generate(undefined, { type: "object" });
    expect(text).toContain("(params?: Record<string, never>, init?: CallInit): Promise<Response>;");
  });
});

describe("answers (what a call returns)", () => {
  it("types fields by their snake_case names, read-only; nested objects are Responses", () => {
    const { text } = generate(
      undefined,
      {
        $ref: "#/components/schemas/Thing",
      },
      {
        Thing: object({
          createdAt: { type: "string" },
          owner: object({ userName: { type: "string" } }),
          items: { type: "array", items: object({ itemId: { type: "integer" } }) },
        }),
      },
    );
    expect(text).toContain("(params?: Record<string, never>, init?: CallInit): Promise<Thing>;");
    expect(text).toContain(
      [
        "export interface Thing extends ResponseMembers {",
        "  readonly created_at: string;",
        "  readonly owner: TypedResponse<{",
        "    readonly user_name: string;",
        "  }>;",
        "  readonly items: ReadonlyArray<TypedResponse<{",
        "    readonly item_id: number;",
        "  }>>;",
        "}",
      ].join("\n"),
    );
  });

  it("keeps an answer open to unlisted fields only where the spec allows them (additionalProperties)", () => {
    const { text } = generate(
      undefined,
      { $ref: "#/components/schemas/Open" },
      {
        Open: {
          ...object({ id: { type: "integer" }, meta: object({ a: { type: "string" } }) }),
          additionalProperties: true,
        },
      },
    );
    expect(text).toContain("export interface Open extends Response {");
    expect(text).toContain("  readonly meta: TypedResponse<{");
  });

  it("makes every listed field present, unless the spec says which are required", () => {
    const all = generate(
      undefined,
      { $ref: "#/components/schemas/A" },
      {
        A: object({ a: { type: "string" }, b: { type: "string" } }),
      },
    );
    expect(all.text).toContain("  readonly a: string;\n  readonly b: string;");
    const some = generate(
      undefined,
      { $ref: "#/components/schemas/B" },
      {
        B: object({ a: { type: "string" }, b: { type: "string" } }, ["a"]),
      },
    );
    expect(some.text).toContain("  readonly a: string;\n  readonly b?: string;");
  });

  it("follows the runtime's key rules: `value` as sent, `arguments` keyed as sent, members win", () => {
    const { interfaces, typeOf } = generate(
      undefined,
      { $ref: "#/components/schemas/V" },
      {
        V: object({
          value: { type: "object", properties: { aB: { type: "string" } } },
          arguments: object({ someKey: { type: "string" } }),
          headers: { type: "string" },
          json: { type: "string" },
          jsonData: { type: "string" },
          // biome-ignore lint/suspicious/noThenProperty: a spec property named like a thenable's member.
          then: { type: "string" },
        }),
      },
    );
    expect(typeOf("V", "value")).toBe("unknown");
    expect(typeOf("V", "arguments")).toBe("Response");
    expect(interfaces.get("V")!.map((m) => m.name)).toEqual(["value", "arguments", "then"]);
  });

  it("types a list answer as a TypedListResponse and its iterator as a PaginatedResponse", () => {
    const paged = {
      swagger: "2.0",
      info: { title: "Paged" },
      paths: {
        "/things": {
          get: {
            parameters: [
              { name: "limit", in: "query", type: "integer" },
              { name: "page_num", in: "query", type: "integer" },
            ],
            responses: {
              200: {
                description: "ok",
                schema: { type: "array", items: { $ref: "#/definitions/Thing" } },
              },
            },
          },
        },
      },
      definitions: { Thing: object({ id: { type: "integer" } }) },
    };
    const text = generateTypes(paged).text;
    expect(text).toContain(
      "(params: ThingsListParams & { iterator: true }, init?: CallInit): PaginatedResponse<Thing>;",
    );
    expect(text).toContain(
      "(params?: ThingsListParams & { iterator?: false }, init?: CallInit): Promise<TypedListResponse<Thing>>;",
    );
  });
});

describe("named and circular schemas", () => {
  it("names each definition once per view, and ends cycles at the name", () => {
    const { text } = generate(
      { $ref: "#/components/schemas/Node" },
      { $ref: "#/components/schemas/Node" },
      {
        Node: object({
          name: { type: "string" },
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
        }),
      },
    );
    expect(text).toContain(
      "export interface Node extends ResponseMembers {\n  readonly name: string;\n  readonly children: readonly Node[];\n}",
    );
    expect(text).toContain(
      "export interface NodeInput {\n  name?: string;\n  children?: readonly NodeInput[];\n}",
    );
    expect(text.match(/export interface Node /g)).toHaveLength(1);
  });

  it("shares one name for a primitive definition between views", () => {
    const { text } = generate(
      object({ color: { $ref: "#/components/schemas/Color" } }),
      object({ color: { $ref: "#/components/schemas/Color" } }),
      { Color: { type: "string", enum: ["red", "blue"] } },
    );
    expect(text).toContain('export type Color = "red" | "blue";');
    expect(text).not.toContain("ColorInput");
  });

  it("stops an inline cycle that no definition name breaks", () => {
    const looped = spec(undefined, { $ref: "#/paths/~1things/post/x-shape" });
    const post = looped.paths["/things"].post as Record<string, unknown>;
    post["x-shape"] = object({ self: { $ref: "#/paths/~1things/post/x-shape" } });
    const text = generateTypes(looped).text;
    expect(text).toContain("readonly self: Response;");
  });

  it("gives definitions valid, unique names that shadow no type the file uses", () => {
    const { text } = generate(
      undefined,
      object({
        a: { $ref: "#/components/schemas/simple-user" },
        b: { $ref: "#/components/schemas/Promise" },
        c: { $ref: "#/components/schemas/simple_user" },
        d: { $ref: "#/components/schemas/2fa" },
      }),
      {
        "simple-user": object({ id: { type: "integer" } }),
        Promise: object({ id: { type: "integer" } }),
        simple_user: object({ id: { type: "integer" } }),
        "2fa": object({ id: { type: "integer" } }),
      },
    );
    expect(text).toContain("export interface SimpleUser extends Response");
    expect(text).toContain("export interface SimpleUser2 extends Response");
    expect(text).toContain("export interface Promise2 extends Response");
    expect(text).toContain("export interface T2fa extends Response");
  });
});
