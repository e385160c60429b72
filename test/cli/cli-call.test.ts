import { describe, expect, it, vi } from "vitest";
import { useSampleApiCli } from "./helpers/sample-api-cli.js";

interface Workflow {
  readonly id: number;
  readonly name: string;
  readonly time_zone: string;
}

describe("civis <resource> <method>: calls the API", () => {
  const cli = useSampleApiCli({ binary: true });

  async function json<T>(args: readonly string[]): Promise<T> {
    const run = await cli.run(args);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as T;
  }

  it("prints the answer as pretty JSON with snake_case keys (the built binary)", async () => {
    const run = await cli.spawn(["workflows", "list", "--limit", "2"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const list = JSON.parse(run.stdout) as Workflow[];
    expect(list).toHaveLength(2);
    expect(list[0]).toHaveProperty("time_zone");
    expect(run.stdout).toMatch(/^\[\n {2}\{\n {4}"id": /);
  });

  it("takes path parameters positionally, and kebab-case names for methods and flags", async () => {
    const [first] = await json<Workflow[]>(["workflows", "list", "--limit", "1"]);
    const workflow = await json<Workflow>(["workflows", "get", String(first!.id)]);
    expect(workflow).toMatchObject({ id: first!.id, name: first!.name });
    const executions = await json<unknown[]>([
      "workflows",
      "list-executions",
      String(first!.id),
      "--page-num",
      "1",
      "--limit",
      "1",
    ]);
    expect(Array.isArray(executions)).toBe(true);
  });

  it("prints the body as sent with --output raw, and a table with --output table", async () => {
    const raw = await cli.run(["workflows", "list", "--limit", "3", "--output", "raw"]);
    expect(raw.code).toBe(0);
    expect(raw.stdout.trimEnd()).not.toContain("\n");
    expect(raw.stdout).toContain('"timeZone":');

    const table = await cli.run(["workflows", "list", "--limit", "3", "--output=table"]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2 + 3);
    expect(lines[0]).toMatch(/^id +name +.*time_zone/);
    expect(lines[1]).toMatch(/^-+ {2}-+/);
  });

  it("fetches every page with --iterator", async () => {
    const first = await json<Workflow[]>(["workflows", "list", "--limit", "50"]);
    const before = cli.server.api.stats["GET /workflows"] ?? 0;
    const all = await json<Workflow[]>(["workflows", "list", "--iterator", "--limit", "50"]);
    const pages = (cli.server.api.stats["GET /workflows"] ?? 0) - before;
    expect(all.length).toBeGreaterThan(first.length);
    expect(pages).toBe(Math.ceil(all.length / 50));
    expect(new Set(all.map((w) => w.id)).size).toBe(all.length);
  });

  it("sends flags and --json-body as the body: JSON when it parses, text where the spec wants text", async () => {
    const created = await json<Workflow & { description: string }>([
      "workflows",
      "post",
      "--name",
      "123",
      "--json-body",
      '{"description": "made by the CLI", "time_zone": "UTC"}',
    ]);
    expect(created).toMatchObject({
      name: "123",
      description: "made by the CLI",
      time_zone: "UTC",
    });

    const value = await json<{ id: number; value: unknown }>([
      "json_values",
      "post",
      "--value",
      '{"a": [1, 2]}',
    ]);
    expect(value.value).toEqual({ a: [1, 2] });
    const text = await json<{ value: unknown }>(["json-values", "post", "--value", "hello"]);
    expect(text.value).toBe("hello");
  });

  it("prints nothing for an empty answer (204)", async () => {
    const created = await json<Workflow>(["workflows", "post", "--name", "to delete"]);
    const run = await cli.run(["workflows", "delete", String(created.id)]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("civis <resource> <method>: errors", () => {
  const cli = useSampleApiCli({ binary: true });

  it("exits 1 with the API's message on stderr when the API answers with an error (the built binary)", async () => {
    const run = await cli.spawn(["workflows", "get", "999999"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "civis: (404) The requested resource could not be found. (GET /workflows/999999)\n",
    );
  });

  it("exits 1 with the server's words when the API refuses the body (422)", async () => {
    const run = await cli.run([
      "workflows",
      "post",
      "--name",
      "x",
      "--json-body",
      '{"time_zone": 5}',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("civis: (422) timeZone must be a string. (POST /workflows)\n");
  });

  it("retries as the client does, then succeeds", async () => {
    // The wait is the larger of Retry-After and the default full-jitter backoff (Math.random()
    // times 2 s): both made small here; the wait itself is test/integration/retries.test.ts's.
    cli.server.api.injectFault({ status: 503, retryAfter: 0, times: 1 });
    const random = vi.spyOn(Math, "random").mockReturnValue(0.01);
    const run = await cli.run(["users", "list-me"]).finally(() => random.mockRestore());
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty("username");
  });

  it("exits 2 when the command line is wrong, naming what is wrong", async () => {
    const cases: [string[], RegExp][] = [
      [["workflows", "list", "--limt", "3"], /unknown parameter "limt"; accepted: archived, limit/],
      [["workflowz", "list"], /unknown resource "workflowz"; `civis help` lists them/],
      [["workflows", "lst"], /the resource "workflows" has no method "lst"/],
      [["workflows"], /which method of "workflows"\?/],
      [["workflows", "get"], /takes 1 path parameter\(s\), got 0: civis workflows get <id>/],
      [["workflows", "put", "1"], /missing required parameter\(s\) "name"/],
      [["workflows", "get", "1", "--iterator"], /iterator/],
      [["workflows", "list", "--output", "yaml"], /--output must be json, raw or table/],
      [["workflows", "post", "--json-body", "{oops"], /--json-body is not valid JSON/],
      [["constructor", "list"], /unknown resource "constructor"/],
      [["workflows", "list", "--limit"], /--limit needs a value \(an integer\)/],
      [["workflows", "list", "--limit", "abc"], /--limit must be an integer, got abc/],
    ];
    const listed = cli.server.api.stats["GET /workflows"] ?? 0;
    for (const [args, message] of cases) {
      const run = await cli.run(args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^civis: /);
      expect(run.stderr).toMatch(message);
    }
    // Each is found before any request.
    expect(cli.server.api.stats["GET /workflows"] ?? 0).toBe(listed);
  });
});
