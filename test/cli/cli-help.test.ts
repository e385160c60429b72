import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { helpText } from "../../src/help/help.js";
import { VERSION } from "../../src/version.js";
import { ensureCliBuilt, spawnCli } from "./helpers/cli-binary.js";
import { runCli } from "./helpers/in-process-cli.js";
import { SAMPLE_KEY, useSampleApiCli } from "./helpers/sample-api-cli.js";

describe("civis help: the help() text of the API, a resource, a method", () => {
  const cli = useSampleApiCli();
  let client: APIClient;
  beforeAll(async () => {
    client = await APIClient.create({
      apiKey: SAMPLE_KEY,
      baseUrl: cli.server.url,
      specCache: false,
    });
  });

  async function stdout(args: readonly string[]): Promise<string> {
    const run = await cli.run(args);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    return run.stdout;
  }

  it("prints exactly what help() returns, for the client, a resource and a method", async () => {
    const workflows = client.workflows!;
    // The client's text ends with the CLI's own advice, not the library's call.
    const top = await stdout(["help"]);
    expect(top).toMatch(/\nRun `civis help <resource>` to list its methods, .*\n$/);
    expect(top).not.toContain("help(client");
    expect(top.replace(/\nRun `civis help.*\n$/, "\n")).toBe(
      `${helpText(client).replace(/\nCall help\(client.*$/, "")}\n`,
    );
    expect(await stdout(["help", "workflows"])).toBe(`${helpText(workflows)}\n`);
    const method = `${helpText(workflows.list_executions)}\n`;
    expect(await stdout(["help", "workflows", "list_executions"])).toBe(method);
    expect(await stdout(["help", "workflows", "list-executions"])).toBe(method);
  });

  it("answers --help after a resource or a method the same way", async () => {
    const workflows = client.workflows!;
    expect(await stdout(["workflows", "--help"])).toBe(`${helpText(workflows)}\n`);
    expect(await stdout(["workflows", "get", "--help"])).toBe(`${helpText(workflows.get)}\n`);
  });

  it("says which resource or method it does not know (exit 2)", async () => {
    const run = await cli.run(["help", "workflows", "nope"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'civis: the resource "workflows" has no method "nope"; `civis help workflows` lists them\n',
    );
  });
});

// --help and --version through the built binary: what a user runs first.
describe("civis --help, --version and help from a local spec: no key, no network", () => {
  // Nothing listens on port 9 (discard) of 127.0.0.1: any request would fail.
  const offline = { PATH: process.env.PATH ?? "", CIVIS_API_ENDPOINT: "http://127.0.0.1:9/" };
  const fixture = fileURLToPath(new URL("../fixtures/swagger2-basic.json", import.meta.url));
  beforeAll(() => ensureCliBuilt(), 120_000);

  it("prints the usage with --help (exit 0), and on stderr without a command (exit 2)", async () => {
    const help = await spawnCli(["--help"], offline);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: civis <command> \[options\]/);
    expect(help.stdout).toMatch(/^ {2}--api-key key {11}the API key/m);
    const none = await spawnCli([], offline);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(/^civis: a command is needed\n\nUsage: civis/);
  });

  it("lists the command line's own commands (sql, files, jobs) in the usage", async () => {
    const { stdout } = await runCli(["--help"], offline);
    expect(stdout).toMatch(/^ {2}civis sql "select \.\.\." --database NAME$/m);
    expect(stdout).toMatch(/^ {2}civis files upload PATH \[--name N\]$/m);
    expect(stdout).toMatch(/^ {2}civis files download ID \[PATH\]$/m);
    expect(stdout).toMatch(/^ {2}civis jobs run ID \[--wait\]$/m);
    expect(stdout).toMatch(/\(civis sql: also csv\)/);
  });

  it("answers --help after sql, files upload/download and jobs run/follow-log with the usage, offline", async () => {
    const usage = (await runCli(["--help"], offline)).stdout;
    for (const args of [
      ["sql", "--help"],
      ["files", "upload", "--help"],
      ["files", "download", "--help"],
      ["jobs", "run", "--help"],
      ["jobs", "follow-log", "--help"],
    ]) {
      expect(await runCli(args, offline)).toEqual({ code: 0, stdout: usage, stderr: "" });
    }
  });

  it("prints the version", async () => {
    expect(await spawnCli(["--version"], offline)).toEqual({
      code: 0,
      stdout: `${VERSION}\n`,
      stderr: "",
    });
  });

  it("reads help from --spec without a key", async () => {
    const run = await runCli(["help", "workflows", "--spec", fixture], offline);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Civis API \/workflows resource: 8 methods\n/);
  });
});
