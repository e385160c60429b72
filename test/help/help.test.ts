import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { describeMethod } from "../../src/help/describe.js";
import { help } from "../../src/help/help.js";
import { loadFixture } from "../helpers/fixtures.js";

const API_KEY = "sEcReT-kEy-2718";
const API_KEY_BASE64 = Buffer.from(`${API_KEY}:`).toString("base64");

let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  log.mockRestore();
});

function client() {
  return new APIClient({ localApiSpec: loadFixture("swagger2-basic"), apiKey: API_KEY });
}

describe("help", () => {
  it("prints and returns a method's doc, which equals `method.doc`", () => {
    const c = client();
    const text = help(c.workflows!.list_executions);
    expect(text).toBe(c.workflows!.list_executions.doc);
    expect(log).toHaveBeenCalledWith(text);
    expect(text).toContain("API URL: GET /workflows/{id}/executions");
  });

  it("lists a client's resources", () => {
    const text = help(client());
    expect(log).toHaveBeenCalledWith(text);
    expect(text).toContain("8 resources, 17 methods");
    const lines = text.split("\n");
    expect(lines.slice(lines.indexOf("Resources"), lines.indexOf("Resources") + 3)).toEqual([
      "Resources",
      "---------",
      "workflows               8 methods",
    ]);
    for (const name of ["users", "json_values", "git_repos", "tables", "imports", "reports"]) {
      expect(text).toMatch(new RegExp(`^${name} +\\d+ methods?$`, "m"));
    }
  });

  it("lists a resource's methods with one-line summaries", () => {
    const text = help(client().workflows);
    expect(text).toContain("Civis API /workflows resource: 8 methods");
    expect(text).toMatch(/^list\(params\?\) +List Workflows$/m);
    expect(text).toMatch(/^get\(id, params\?\) +Get a Workflow$/m);
    expect(text).toMatch(/^list_executions\(id, params\?\) +List workflow executions$/m);
    expect(text).toMatch(
      /^get_executions\(id, execution_id, params\?\) +Get a workflow execution$/m,
    );
  });

  it("names camelCase path parameters as the method's Parameters and errors do", () => {
    const spec = {
      swagger: "2.0",
      paths: { "/pets/{petId}": { get: { summary: "Info for a pet", responses: {} } } },
    };
    const c = new APIClient({ localApiSpec: spec, apiKey: "k" });
    expect(help(c.pets)).toMatch(/^get\(pet_id, params\?\) +Info for a pet$/m);
    expect(help(c.pets!.get)).toMatch(/^pet_id : string$/m);
  });

  it("marks deprecated methods in a resource's list", () => {
    expect(help(client().reports)).toMatch(/^get\(id, params\?\) +Get a report \(deprecated\)$/m);
  });

  it("explains itself without an argument, and refuses anything else", () => {
    expect(help()).toContain("help(client.workflows)");
    expect(() => help(42)).toThrow(TypeError);
    expect(() => help({})).toThrow(TypeError);
    expect(() => help(() => undefined)).toThrow(TypeError);
  });

  it("never shows the API key", () => {
    const c = client();
    const texts = [
      help(c),
      help(c.workflows),
      help(c.workflows!.patch),
      c.workflows!.patch.doc,
      JSON.stringify(describeMethod(c.workflows!.patch)),
    ];
    for (const text of texts) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(API_KEY_BASE64);
    }
  });
});

describe("help of hostile spec text", () => {
  const markup = "<script>alert(1)</script> List &amp; <b>things</b>";
  const spec = {
    swagger: "2.0",
    info: { title: "<img src=x onerror=alert(1)>" },
    paths: {
      "/things": {
        get: {
          summary: markup,
          parameters: [
            { name: "q", in: "query", type: "string", description: "<i onclick=x>q</i> &lt;" },
          ],
          responses: { "200": { description: "<em>ok</em>" } },
        },
      },
    },
  };

  it("shows it as plain text, neither escaped nor interpreted", () => {
    const c = new APIClient({ localApiSpec: spec, apiKey: "k" });
    const doc = help(c.things!.list);
    expect(doc.split("\n")[0]).toBe(markup);
    expect(doc).toContain("    <i onclick=x>q</i> &lt;");
    expect(help(c.things)).toContain(markup);
    expect(help(c)).toContain("<img src=x onerror=alert(1)>");
  });

  it("gives the demo the same text as data", () => {
    const c = new APIClient({ localApiSpec: spec, apiKey: "k" });
    const model = describeMethod(c.things!.list);
    expect(model.summary).toBe(markup);
    expect(model.params[0]?.description).toBe("<i onclick=x>q</i> &lt;");
    expect(() => describeMethod(() => undefined)).toThrow(TypeError);
  });
});
