import { describe, expect, it } from "vitest";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { loadFixture } from "../helpers/fixtures.js";

function swagger(paths: Record<string, unknown>) {
  return { swagger: "2.0", info: { title: "Methods" }, paths };
}

const ok = { 200: { description: "ok", schema: { type: "object" } } };

describe("method signatures", () => {
  it("takes path parameters in the spec's order, with valid, distinct names", () => {
    const text = generateTypes(
      swagger({
        "/schools/{class}/{2nd}/{default}": {
          get: {
            parameters: [
              { name: "class", in: "path", required: true, type: "integer" },
              { name: "2nd", in: "path", required: true, type: "string" },
              { name: "default", in: "path", required: true, type: "string" },
            ],
            responses: ok,
          },
        },
      }),
    ).text;
    expect(text).toContain(
      "readonly get_class_2nd: {\n    (class_: string | number, _2nd: string | number, default_: string | number, params?: Record<string, never>, init?: CallInit): Promise<Response>;",
    );
  });

  it("puts query, header and body parameters in one params object, required first", () => {
    // Names are those help() shows, even where camelToSnake makes them odd (as in civis-python).
    const text = generateTypes(
      swagger({
        "/jobs": {
          post: {
            parameters: [
              { name: "dryRun", in: "query", type: "boolean" },
              { name: "X-Request-Id", in: "header", required: true, type: "string" },
              {
                name: "body",
                in: "body",
                required: true,
                schema: {
                  type: "object",
                  required: ["jobName"],
                  properties: { jobName: { type: "string" } },
                },
              },
            ],
            responses: ok,
          },
        },
      }),
    ).text;
    expect(text).toContain(
      "export interface JobsPostParams {\n  x_request_id: string;\n  job_name: string;\n  dry_run?: boolean;\n}",
    );
    expect(text).toContain("(params: JobsPostParams, init?: CallInit): Promise<Response>;");
  });

  it("names a body that is one JSON value by its parameter", () => {
    const text = generateTypes(
      swagger({
        "/tags": {
          put: {
            parameters: [
              {
                name: "tagList",
                in: "body",
                required: true,
                schema: { type: "array", items: { type: "string" } },
              },
            ],
            responses: ok,
          },
        },
      }),
    ).text;
    expect(text).toContain("export interface TagsPutParams {\n  tag_list: readonly string[];\n}");
  });

  it("carries the method's doc string, and documents each parameter", () => {
    const text = generateTypes(
      swagger({
        "/jobs": {
          get: {
            summary: "List jobs",
            parameters: [
              {
                name: "state",
                in: "query",
                type: "string",
                description: "Only jobs in this state.",
              },
            ],
            responses: ok,
          },
        },
      }),
    ).text;
    expect(text).toContain("    readonly doc: string;");
    expect(text).toContain("  /** Only jobs in this state. */\n  state?: string;");
  });
});

describe("civis-python's rules in the generated types", () => {
  const text = generateTypes(loadFixture("civis-python-rules")).text;

  it("orders path parameters as the spec lists them, path-level ones first", () => {
    expect(text).toContain(
      "readonly get_enhancements_geocodings: {\n    (id: string | number, source_table_id: string | number,",
    );
    expect(text).toContain(
      "readonly delete_parts: {\n    (part_id: string | number, id: string | number,",
    );
  });

  it("types a get_* alias as the method it names again, with the same docs", () => {
    const listMe = text.match(
      /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n {2}readonly list_me: \{[\s\S]*?\n {2}\};)/,
    )?.[1];
    expect(listMe).toBeDefined();
    expect(text).toContain(listMe!.replace("readonly list_me:", "readonly get_me:"));
    expect(text).not.toContain("readonly get_keys:");
  });

  it("types civis-python's list paths as lists of the objects their spec describes", () => {
    expect(text).toMatch(
      /readonly list_types: \{\n {4}\(params\?: Record<string, never>, init\?: CallInit\): Promise<TypedListResponse</,
    );
    expect(text).toMatch(
      /readonly list_children: \{\n {4}\(id: string \| number, params\?: Record<string, never>, init\?: CallInit\): Promise<TypedListResponse<JobTree>>/,
    );
    expect(text).not.toContain("readonly get_children:");
    expect(text).not.toContain("readonly get_types:");
  });
});
