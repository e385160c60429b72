import { once } from "node:events";
import { type REPLServer, start } from "node:repl";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { API_KEY, type FixtureApi } from "./fixture-client.js";

let server: TestServer;
let repl: REPLServer;
let client: APIClient<FixtureApi>;

/** `REPLServer#complete`, what Tab calls; @types/node leaves it out. */
type Completing = {
  complete(line: string, done: (error: Error | null, result?: [string[], string]) => void): void;
};

/** What pressing Tab after `line` offers, from the REPL's own completer. */
function complete(line: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    (repl as REPLServer & Completing).complete(line, (error, result) => {
      if (error) reject(error);
      else resolve((result?.[0] ?? []).filter((entry) => entry !== ""));
    });
  });
}

beforeAll(async () => {
  server = await startServer((req, res) =>
    req.url === "/endpoints"
      ? sendJson(res, 200, loadFixture("swagger2-basic"))
      : sendJson(res, 200, {}),
  );
  client = await APIClient.create<FixtureApi>({
    apiKey: API_KEY,
    baseUrl: server.url,
    retries: false,
    specCache: false,
  });
  // A real REPL on in-memory streams, as `node` runs it, with the client in its context.
  repl = start({
    input: new PassThrough(),
    output: new PassThrough(),
    prompt: "",
    terminal: false,
  });
  repl.context.client = client;
});
afterAll(async () => {
  repl?.close();
  await server.close();
});

describe("tab completion in a Node REPL", () => {
  it("lists the resources after client.", async () => {
    const names = await complete("client.");
    for (const resource of ["workflows", "users", "json_values", "git_repos", "imports"]) {
      expect(names).toContain(`client.${resource}`);
    }
    expect(names).toContain("client.last_response");
  });

  it("completes a partial resource name", async () => {
    expect(await complete("client.work")).toEqual(["client.workflows"]);
  });

  it("lists the methods after client.workflows.", async () => {
    const names = await complete("client.workflows.");
    for (const method of [
      "list",
      "get",
      "patch",
      "put",
      "delete",
      "list_executions",
      "post_executions",
      "get_executions",
    ]) {
      expect(names).toContain(`client.workflows.${method}`);
    }
  });

  it("completes a partial method name", async () => {
    expect((await complete("client.workflows.list_")).sort()).toEqual([
      "client.workflows.list_executions",
    ]);
  });

  it("completes the line when Tab is pressed in a terminal REPL", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const terminal = start({ input, output, prompt: "> ", terminal: true });
    terminal.context.client = client;
    try {
      input.write("client.workflows.list_exe\t");
      // The REPL redraws the line once the completer has answered.
      while (terminal.line !== "client.workflows.list_executions") await once(output, "data");
      expect(terminal.line).toBe("client.workflows.list_executions");
    } finally {
      terminal.close();
    }
  });
});
