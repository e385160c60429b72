import { describe, expect, it } from "vitest";
import { normalizeSpec } from "../../src/description/normalize.js";
import { type OperationDetail, operationDetail } from "../../src/description/operation-detail.js";
import { SpecError } from "../../src/errors/spec-error.js";
import { type FixtureName, loadFixture } from "../helpers/fixtures.js";

function detailOf(spec: unknown, resource: string, name: string): OperationDetail {
  const model = normalizeSpec(spec);
  const op = model.resources
    .get(resource)
    ?.operations()
    .find((o) => o.name === name);
  if (!op) throw new Error(`no ${resource}.${name}`);
  return operationDetail(op);
}

function fixtureDetail(fixture: FixtureName, resource: string, name: string): OperationDetail {
  return detailOf(loadFixture(fixture), resource, name);
}

/** `[spec name, snake name, where, required]` of each non-path parameter, in help order. */
function paramsOf(detail: OperationDetail): [string, string, string, boolean][] {
  return detail.params.map((p) => [p.name, p.snake, p.in, p.required]);
}

function swagger(paths: Record<string, unknown>): unknown {
  return { swagger: "2.0", info: { title: "t", version: "1" }, paths };
}

const ok = { "200": { description: "ok" } };

describe("operationDetail: parameters", () => {
  it("names header parameters by their dashed words", () => {
    const detail = detailOf(
      swagger({
        "/items": {
          get: {
            parameters: [{ name: "X-Request-Id", in: "header", type: "string" }],
            responses: ok,
          },
        },
      }),
      "items",
      "list",
    );
    expect(paramsOf(detail)).toEqual([["X-Request-Id", "x_request_id", "header", false]]);
  });

  it("reads query parameters with their types and descriptions", () => {
    const detail = fixtureDetail("swagger2-basic", "workflows", "list");
    expect(paramsOf(detail)).toEqual([
      ["limit", "limit", "query", false],
      ["page_num", "page_num", "query", false],
      ["hidden", "hidden", "query", false],
      ["tags", "tags", "query", false],
    ]);
    expect(detail.params[3]!.schema.type).toBe("array");
    expect(detail.params[0]!.description).toMatch(/^Number of results/);
    expect(detail.pathParams).toEqual([]);
  });

  it("reads OpenAPI 3 parameter schemas", () => {
    const detail = fixtureDetail("openapi3-basic", "workflows", "list");
    expect(detail.params.map((p) => [p.name, p.schema.type])).toEqual([
      ["limit", "integer"],
      ["page_num", "integer"],
      ["hidden", "boolean"],
    ]);
  });

  it("marks a required query parameter", () => {
    const detail = fixtureDetail("swagger2-basic", "git_repos", "list_ref_names");
    expect(paramsOf(detail)).toEqual([["kind", "kind", "query", true]]);
    expect(detail.pathParams.map((p) => [p.name, p.required])).toEqual([["id", true]]);
  });

  it("lists path parameters in path order, apart from the others", () => {
    const detail = fixtureDetail("swagger2-basic", "tables", "get_columns_column_id");
    expect(detail.pathParams.map((p) => p.name)).toEqual(["id", "column_id", "name"]);
    expect(detail.params).toEqual([]);
  });

  it("lets an operation parameter override a path-level one of the same name and place", () => {
    const detail = detailOf(
      swagger({
        "/things": {
          parameters: [{ name: "q", in: "query", type: "string", description: "path level" }],
          get: {
            parameters: [
              { name: "q", in: "query", type: "string", required: true, description: "op level" },
            ],
            responses: ok,
          },
        },
      }),
      "things",
      "list",
    );
    expect(detail.params.map((p) => [p.name, p.required, p.description])).toEqual([
      ["q", true, "op level"],
    ]);
  });

  it("declares an undeclared path parameter as a required string", () => {
    const detail = detailOf(
      swagger({ "/things/{id}": { get: { responses: ok } } }),
      "things",
      "get",
    );
    expect(detail.pathParams.map((p) => [p.name, p.required, p.schema.type])).toEqual([
      ["id", true, "string"],
    ]);
  });

  it("offers both spellings of every parameter", () => {
    const detail = fixtureDetail("swagger2-basic", "workflows", "patch");
    expect(detail.byName.get("instance_configs")).toBe(detail.byName.get("instanceConfigs"));
    expect(detail.byName.get("instance_configs")?.name).toBe("instanceConfigs");
  });

  it("drops cookie parameters and sends formData in the body", () => {
    const detail = detailOf(
      swagger({
        "/things": {
          post: {
            parameters: [
              { name: "session", in: "cookie", type: "string" },
              { name: "fileName", in: "formData", type: "string", required: true },
            ],
            responses: ok,
          },
        },
      }),
      "things",
      "post",
    );
    expect(paramsOf(detail)).toEqual([["fileName", "file_name", "body", true]]);
  });

  it("refuses a parameter without a name or in an unknown place", () => {
    const noName = swagger({ "/t": { get: { parameters: [{ in: "query" }], responses: ok } } });
    expect(() => detailOf(noName, "t", "list")).toThrow(SpecError);
    const where = swagger({
      "/t": { get: { parameters: [{ name: "x", in: "matrix" }], responses: ok } },
    });
    expect(() => detailOf(where, "t", "list")).toThrow(/"matrix"/);
  });

  it("resolves a parameter `$ref`", () => {
    const detail = detailOf(
      {
        swagger: "2.0",
        paths: { "/t": { get: { parameters: [{ $ref: "#/parameters/Limit" }], responses: ok } } },
        parameters: { Limit: { name: "limit", in: "query", type: "integer" } },
      },
      "t",
      "list",
    );
    expect(paramsOf(detail)).toEqual([["limit", "limit", "query", false]]);
  });
});

describe("operationDetail: body", () => {
  it("spreads a Swagger body parameter's properties, with snake_case names", () => {
    const detail = fixtureDetail("swagger2-basic", "workflows", "patch");
    expect(paramsOf(detail)).toEqual([
      ["name", "name", "body", false],
      ["instanceConfigs", "instance_configs", "body", false],
      ["schedule", "schedule", "body", false],
    ]);
    expect(detail.wholeBody).toBeUndefined();
  });

  it("marks required body properties and lists required parameters first", () => {
    const detail = fixtureDetail("swagger2-basic", "workflows", "put");
    expect(paramsOf(detail)).toEqual([
      ["name", "name", "body", true],
      ["timeZone", "time_zone", "body", false],
    ]);
    const files = fixtureDetail("swagger2-basic", "imports", "post_files");
    expect(paramsOf(files)).toEqual([
      ["fileName", "file_name", "body", true],
      ["sizeBytes", "size_bytes", "body", false],
    ]);
  });

  it("spreads an OpenAPI 3 requestBody's properties", () => {
    const detail = fixtureDetail("openapi3-basic", "workflows", "post");
    expect(paramsOf(detail)).toEqual([
      ["name", "name", "body", true],
      ["definition", "definition", "body", false],
      ["schedule", "schedule", "body", false],
    ]);
  });

  it("reads an inline OpenAPI 3 body with a free-form object", () => {
    const detail = fixtureDetail("openapi3-basic", "workflows", "post_executions");
    expect(paramsOf(detail)).toEqual([
      ["targetTask", "target_task", "body", false],
      ["arguments", "arguments", "body", false],
    ]);
  });

  it("reads OpenAPI 3.1 type arrays", () => {
    const detail = fixtureDetail("openapi31-basic", "workflows", "patch");
    const description = detail.byName.get("description");
    expect(description?.schema.type).toEqual(["string", "null"]);
  });

  it("merges `allOf` members into one set of properties", () => {
    const detail = detailOf(
      {
        openapi: "3.0.0",
        paths: {
          "/t": {
            post: {
              requestBody: {
                content: {
                  "application/json": {
                    schema: {
                      allOf: [
                        { $ref: "#/components/schemas/Base" },
                        { type: "object", properties: { extraField: { type: "string" } } },
                      ],
                    },
                  },
                },
              },
              responses: ok,
            },
          },
        },
        components: {
          schemas: {
            Base: {
              type: "object",
              required: ["baseId"],
              properties: { baseId: { type: "integer" } },
            },
          },
        },
      },
      "t",
      "post",
    );
    expect(paramsOf(detail)).toEqual([
      ["baseId", "base_id", "body", true],
      ["extraField", "extra_field", "body", false],
    ]);
  });

  it("ends a circular `allOf` (regression: it overflowed the stack)", () => {
    const spec = {
      swagger: "2.0",
      paths: {
        "/t": {
          post: {
            parameters: [{ name: "body", in: "body", schema: { $ref: "#/definitions/A" } }],
            responses: ok,
          },
        },
      },
      definitions: {
        A: { allOf: [{ $ref: "#/definitions/B" }], properties: { aField: { type: "string" } } },
        B: { allOf: [{ $ref: "#/definitions/A" }], properties: { bField: { type: "string" } } },
      },
    };
    expect(paramsOf(detailOf(spec, "t", "post"))).toEqual([
      ["aField", "a_field", "body", false],
      ["bField", "b_field", "body", false],
    ]);
  });

  it("takes a body without properties as one parameter named after it", () => {
    const detail = detailOf(
      swagger({
        "/t": {
          post: {
            parameters: [
              { name: "ids", in: "body", required: true, schema: { type: "array", items: {} } },
            ],
            responses: ok,
          },
        },
      }),
      "t",
      "post",
    );
    expect(paramsOf(detail)).toEqual([["ids", "ids", "body", true]]);
    expect(detail.wholeBody?.name).toBe("ids");
  });
});

describe("operationDetail: pagination and response", () => {
  it.each([
    ["workflows", "list", true],
    ["workflows", "list_executions", true],
    ["workflows", "get", false],
    ["scripts", "list_legacy_runs", false],
    ["git_repos", "list_ref_names", false],
  ])("%s.%s paginated: %s", (resource, name, paginated) => {
    expect(fixtureDetail("swagger2-basic", resource, name).paginated).toBe(paginated);
  });

  it("needs both limit and page_num, on a GET", () => {
    const q = (name: string) => ({ name, in: "query", type: "integer" });
    const spec = swagger({
      "/a": { get: { parameters: [q("limit")], responses: ok } },
      "/b": { post: { parameters: [q("limit"), q("page_num")], responses: ok } },
      "/c": { get: { parameters: [q("limit"), q("page_num")], responses: ok } },
    });
    expect(detailOf(spec, "a", "list").paginated).toBe(false);
    expect(detailOf(spec, "b", "post").paginated).toBe(false);
    expect(detailOf(spec, "c", "list").paginated).toBe(true);
  });

  it("reads the first 2xx response, in both spec versions", () => {
    const s2 = fixtureDetail("swagger2-basic", "workflows", "post_executions").response;
    expect([s2.status, s2.description, s2.schema?.type]).toEqual(["201", "success", "object"]);
    const s3 = fixtureDetail("openapi3-basic", "workflows", "list").response;
    expect([s3.status, s3.schema?.type]).toEqual(["200", "array"]);
    const empty = fixtureDetail("swagger2-basic", "workflows", "delete").response;
    expect([empty.status, empty.schema]).toEqual(["204", undefined]);
  });

  it("computes an operation's detail once", () => {
    const model = normalizeSpec(loadFixture("swagger2-basic"));
    const op = model.resources.get("users")!.operations()[0]!;
    expect(operationDetail(op)).toBe(operationDetail(op));
  });
});
