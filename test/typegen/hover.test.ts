import { readFileSync } from "node:fs";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { languageService, strictOptions, typeWorkspace } from "./helpers/compile-types.js";

const spec = JSON.parse(
  readFileSync(new URL("../fixtures/swagger2-basic.json", import.meta.url), "utf8"),
) as object;

const USAGE = `import { APIClient } from "civis";
import type { CivisApi } from "./api";
const client = new APIClient<CivisApi>({ localApiSpec: {} });
client.workflows.list({ limit: 1 });
client.reports.get(1);
export {};
`;

/** What an editor shows on hover: the language service's quick info. */
function hover(service: ts.LanguageService, file: string, text: string, probe: string) {
  const info = service.getQuickInfoAtPosition(file, text.indexOf(probe) + probe.length - 1);
  return {
    documentation: ts.displayPartsToString(info?.documentation),
    tags: (info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`),
  };
}

describe("an editor's hover over a typed client's method", () => {
  const workspace = typeWorkspace();
  afterAll(() => workspace.remove());
  const api = workspace.write("api.d.ts", generateTypes(spec).text);
  const usage = workspace.write("usage.ts", USAGE);
  const files = new Map([
    [api, readFileSync(api, "utf8")],
    [usage, USAGE],
  ]);
  const service = languageService(workspace, [...files.keys()], strictOptions(), files);
  const client = new APIClient({ localApiSpec: spec, apiKey: "unused" });
  const resources = client as unknown as Record<string, Record<string, { doc: string }>>;

  it("shows the help() text, for an overloaded (paginated) method too", () => {
    const shown = hover(service, usage, USAGE, "client.workflows.list");
    expect(shown.documentation).toBe(`\`\`\`text\n${resources.workflows!.list!.doc}\n\`\`\``);
  }, 60_000);

  it("marks a deprecated method, and the editor reports its use", () => {
    const shown = hover(service, usage, USAGE, "client.reports.get");
    expect(shown.documentation).toContain(resources.reports!.get!.doc);
    expect(shown.tags).toEqual(["@deprecated Use X instead."]);
    const notes = service
      .getSuggestionDiagnostics(usage)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(notes).toContain("'get' is deprecated.");
  }, 60_000);
});
