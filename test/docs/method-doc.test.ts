import { describe, expect, it } from "vitest";
import { normalizeSpec } from "../../src/description/normalize.js";
import type { ApiModel } from "../../src/description/types.js";
import { methodDocModel } from "../../src/docs/doc-model.js";
import { methodDoc } from "../../src/docs/method-doc.js";
import { type FixtureName, loadFixture } from "../helpers/fixtures.js";

function docOf(fixture: FixtureName | ApiModel, resource: string, name: string): string {
  const model = typeof fixture === "string" ? normalizeSpec(loadFixture(fixture)) : fixture;
  const op = model.resources
    .get(resource)
    ?.operations()
    .find((o) => o.name === name);
  if (!op) throw new Error(`no ${resource}.${name}`);
  return methodDoc(model, op);
}

describe("methodDoc: layout", () => {
  const doc = docOf("swagger2-basic", "workflows", "list_executions");
  const lines = doc.split("\n");

  it("starts with the summary, a blank line and the API URL", () => {
    expect(lines.slice(0, 4)).toEqual([
      "List workflow executions",
      "",
      "API URL: GET /workflows/{id}/executions",
      "",
    ]);
  });

  it("lists parameters as `name : type[, optional]` with their descriptions", () => {
    const start = lines.indexOf("Parameters");
    expect(lines[start + 1]).toBe("----------");
    expect(lines.slice(start + 2, start + 8)).toEqual([
      "id : integer",
      "    The ID of the workflow.",
      "limit : integer, optional",
      "    Number of results to return.",
      "page_num : integer, optional",
      "    Page number of the results to return.",
    ]);
    expect(lines[start + 8]).toBe("iterator : boolean, optional");
  });

  it("wraps descriptions at 79 columns", () => {
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(79);
    const iterator = lines.indexOf("iterator : boolean, optional");
    expect(lines[iterator + 1]!.startsWith("    If true, return a PaginatedResponse")).toBe(true);
    expect(lines[iterator + 2]!.startsWith("    ")).toBe(true);
  });

  it("ends with what it returns, the fields nested with `- `", () => {
    const start = lines.indexOf("Returns");
    expect(lines.slice(start, start + 5)).toEqual([
      "Returns",
      "-------",
      "ListResponse | PaginatedResponse",
      "    - id : integer",
      "    - state : string",
    ]);
    expect(doc).toContain("    - target_task : string");
    expect(doc).toContain("    - started_at : string (date-time)");
  });

  it("has a blank line between sections", () => {
    expect(doc).toContain("\n\nParameters\n----------\n");
    expect(doc).toContain("\n\nReturns\n-------\n");
  });
});

describe("methodDoc: bodies and returns", () => {
  it("nests body properties with `- `, in snake_case", () => {
    const doc = docOf("swagger2-basic", "workflows", "patch");
    expect(doc).toContain(
      [
        "instance_configs : array<object>, optional",
        "    Instance configurations, one per instance type.",
        "",
        "    - instance_type : string, optional",
        "        An EC2 instance type.",
        "    - min_instances : integer, optional",
        "        The minimum number of instances.",
        "schedule : object, optional",
        "    - scheduled_days : array<integer>, optional",
      ].join("\n"),
    );
  });

  it("marks required body properties as not optional", () => {
    const doc = docOf("swagger2-basic", "workflows", "put");
    expect(doc).toContain("\nname : string\n");
    expect(doc).toContain("\ntime_zone : string, optional\n");
  });

  it("documents an OpenAPI 3 requestBody the same way", () => {
    const doc = docOf("openapi3-basic", "workflows", "post");
    expect(doc).toContain("API URL: POST /workflows");
    expect(doc).toContain("\nname : string\n    The name of the workflow.\n");
    expect(doc).toContain("schedule : object, optional\n    - scheduled : boolean, optional");
  });

  it("shows the nullable type of an OpenAPI 3.1 type array", () => {
    const doc = docOf("openapi31-basic", "workflows", "patch");
    expect(doc).toContain("description : string, optional");
  });

  it("returns a Response with nested Responses", () => {
    const doc = docOf("swagger2-basic", "workflows", "get");
    expect(doc).toContain("Returns\n-------\nResponse\n    - id : integer");
    expect(doc).toContain(
      "    - instance_configs : array<Response>\n        - instance_type : string",
    );
  });

  it("names the status of an answer without a body", () => {
    const doc = docOf("swagger2-basic", "workflows", "delete");
    expect(doc.endsWith("Returns\n-------\nResponse\n    Response code 204: success")).toBe(true);
  });

  it("leaves out Parameters when there are none", () => {
    const doc = docOf("swagger2-basic", "users", "list_me");
    expect(doc).not.toContain("Parameters");
    expect(doc).toContain("API URL: GET /users/me");
  });
});

describe("methodDoc: civis-python's layout rules", () => {
  const model = normalizeSpec({
    swagger: "2.0",
    paths: {
      "/things/{id}": {
        patch: {
          summary: "Update a thing",
          "x-deprecation-warning": "Warning: The things/:id endpoint is deprecated.",
          parameters: [
            { name: "id", in: "path", required: true, type: "integer" },
            {
              name: "body",
              in: "body",
              schema: {
                type: "object",
                properties: {
                  outer: {
                    type: "object",
                    description: "Described, with properties.",
                    properties: {
                      inner: {
                        type: "object",
                        description: "Described too.",
                        properties: { leaf: { type: "string" } },
                      },
                      bare: { type: "object", properties: { leaf: { type: "string" } } },
                    },
                  },
                  value: { type: "string", description: "Whatever was stored." },
                },
              },
            },
          ],
          responses: {
            "200": {
              description: "ok",
              schema: { type: "object", properties: { id: { type: "integer" } } },
            },
          },
        },
      },
    },
  });

  it("sets a described property's nested list apart with a blank line, at every level", () => {
    expect(docOf(model, "things", "patch")).toContain(
      [
        "outer : object, optional",
        "    Described, with properties.",
        "",
        "    - inner : object, optional",
        "        Described too.",
        "",
        "        - leaf : string, optional",
        "    - bare : object, optional",
        "        - leaf : string, optional",
        "value : object, optional",
        "    Whatever was stored.",
      ].join("\n"),
    );
  });

  it("labels a deprecation once when the spec's text says `Warning:`", () => {
    expect(docOf(model, "things", "patch")).toContain(
      "\n\nDeprecated: The things/:id endpoint is deprecated.\n\n",
    );
  });

  it("keeps the spec's runs of spaces and breaks after hyphens", () => {
    const spaced = normalizeSpec({
      swagger: "2.0",
      paths: {
        "/things": {
          get: {
            summary: "List things",
            parameters: [
              {
                name: "columns",
                in: "query",
                type: "string",
                description:
                  "The columns to show, as a list of names.  See /ontology for the comma-separated names.",
              },
            ],
            responses: { "204": { description: "success" } },
          },
        },
      },
    });
    expect(docOf(spaced, "things", "list")).toContain(
      [
        "columns : string, optional",
        "    The columns to show, as a list of names.  See /ontology for the comma-",
        "    separated names.",
      ].join("\n"),
    );
  });
});

describe("methodDoc: deprecation", () => {
  it.each([
    ["scripts", "list_legacy_runs", "Deprecated: This operation is deprecated."],
    ["reports", "get", "Deprecated: Use X instead."],
    ["reports", "list", "Deprecated: (deprecated) Old thing"],
  ])("%s.%s says so", (resource, name, note) => {
    const doc = docOf("swagger2-basic", resource, name);
    expect(doc).toContain(`\n\n${note}\n\n`);
  });

  it("says nothing for an operation that is not deprecated", () => {
    expect(docOf("swagger2-basic", "workflows", "get")).not.toMatch(/deprecated/i);
  });
});

describe("methodDoc: wrapping", () => {
  it("keeps every line within 79 columns, even for long spec text", () => {
    const long = "A very long description of a parameter. ".repeat(10);
    const model = normalizeSpec({
      swagger: "2.0",
      paths: {
        "/things": {
          get: {
            summary: `${long}summary`,
            parameters: [{ name: "q", in: "query", type: "string", description: long }],
            responses: { "200": { description: long } },
          },
        },
      },
    });
    const doc = docOf(model, "things", "list");
    // Regression: the "Response code" line carried the spec's description unwrapped.
    expect(doc).toContain("    Response code 200: A very long description");
    for (const line of doc.split("\n")) expect(line.length).toBeLessThanOrEqual(79);
  });
});

describe("methodDocModel: where each parameter goes", () => {
  it("marks path, query and the client's own iterator", () => {
    const model = normalizeSpec(loadFixture("swagger2-basic"));
    const op = model.resources
      .get("workflows")
      ?.operations()
      .find((o) => o.name === "list_executions");
    if (!op) throw new Error("no workflows.list_executions");
    const places = Object.fromEntries(methodDocModel(model, op).params.map((p) => [p.name, p.in]));
    expect(places).toMatchObject({ id: "path", limit: "query", iterator: "client" });
  });
});
