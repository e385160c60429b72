import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { help } from "../../src/index.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { useQuietWarnings } from "../helpers/quiet-warnings.js";
import { fixtureClient } from "./fixture-client.js";

useQuietWarnings();

let server: TestServer;
const warnings: Error[] = [];
const listen = (warning: Error) => {
  warnings.push(warning);
};

beforeAll(async () => {
  server = await startServer((req, res) => sendJson(res, 200, req.url === "/reports/1" ? {} : []));
  process.on("warning", listen);
});
afterAll(async () => {
  process.off("warning", listen);
  await server.close();
});
afterEach(() => {
  warnings.length = 0;
  server.requests.length = 0;
});

function civisWarnings(): Error[] {
  return warnings.filter((w) => (w as Error & { code?: string }).code === "CIVIS_DEPRECATED");
}

describe("a deprecated operation", () => {
  it("warns once, on its first call, with the spec's own words", async () => {
    const client = fixtureClient(server);
    expect(civisWarnings()).toHaveLength(0);
    await client.reports.get(1);
    // emitWarning defers the event to the next tick, long before the HTTP answer arrives.
    expect(civisWarnings()).toHaveLength(1);
    const [warning] = civisWarnings();
    expect(warning!.name).toBe("DeprecationWarning");
    expect(warning!.message).toContain("Use X instead.");
    expect(warning!.message).toContain("GET /reports/{id}");
    await client.reports.get(2);
    await client.reports.get(3);
    expect(civisWarnings()).toHaveLength(1);
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ["x-deprecation-warning", "get", "Use X instead."],
    ["a summary that says deprecated", "list", "(deprecated) Old thing"],
  ] as const)("marked by %s says so in its doc and help()", (_how, method, words) => {
    const quiet = vi.spyOn(console, "log").mockImplementation(() => {});
    const client = fixtureClient(server);
    expect(client.reports[method].doc).toContain(`Deprecated: ${words}`);
    expect(help(client.reports[method])).toBe(client.reports[method].doc);
    // The one-line summary says "deprecated" once: from the spec's words, or added.
    expect(help(client.reports)).toMatch(new RegExp(`^${method}\\(.*deprecated`, "im"));
    expect(help(client.reports)).not.toMatch(/deprecated.*deprecated/i);
    quiet.mockRestore();
  });

  it("marked only by deprecated: true warns and documents a generic message", async () => {
    const client = fixtureClient(server);
    await client.scripts.list_legacy_runs(1);
    expect(civisWarnings()).toHaveLength(1);
    expect(civisWarnings()[0]!.message).toMatch(/scripts\.list_legacy_runs\(\).*deprecated/);
    expect(client.scripts.list_legacy_runs.doc).toMatch(/Deprecated:/);
  });

  it("does not warn for an operation that is not deprecated", async () => {
    const client = fixtureClient(server);
    await client.workflows.list();
    expect(client.workflows.list.doc).not.toMatch(/Deprecated/);
    expect(civisWarnings()).toHaveLength(0);
  });
});
