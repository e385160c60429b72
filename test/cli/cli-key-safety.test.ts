import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { type CliRun, tempHome, writeIn } from "./helpers/cli-binary.js";
import { runCli } from "./helpers/in-process-cli.js";
import { SAMPLE_KEY, useSampleApiCli } from "./helpers/sample-api-cli.js";

/** The key and its Basic auth form: neither may appear in anything the command prints. */
function expectNoKey(run: CliRun, key: string): void {
  for (const secret of [key, btoa(`${key}:`)]) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

describe("the API key", () => {
  const cli = useSampleApiCli();

  it("is read from --api-key-file before CIVIS_API_KEY, and never printed", async () => {
    const file = writeIn(cli.home, "key.txt", `${SAMPLE_KEY}\n`);
    const run = await cli.run(["users", "list-me", "--api-key-file", file], {
      CIVIS_API_KEY: "an-env-key-that-is-wrong",
    });
    expect(run.code).toBe(0);
    expectNoKey(run, SAMPLE_KEY);
  });

  it("refused by the API: exit 1, a message that says so, and no key", async () => {
    const wrong = "wrong-secret-key-123";
    const run = await cli.run(["workflows", "list"], { CIVIS_API_KEY: wrong });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^civis: 401 error downloading the API spec .* the API key may be expired or invalid\n$/,
    );
    expectNoKey(run, wrong);
  });

  it("missing: exit 1 with how to give one", async () => {
    const run = await cli.run(["workflows", "list"], { CIVIS_API_KEY: "" });
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toMatch(
      /^civis: No API key: set CIVIS_API_KEY, or pass --api-key-file <file>/,
    );
    const unreadable = await cli.run([
      "workflows",
      "list",
      "--api-key-file",
      join(cli.home, "nope"),
    ]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/Could not read --api-key-file .*nope \(ENOENT\)/);
  });

  it("is in no file the cache writes, which only the user may read", async () => {
    await cli.run(["users", "list-me"]);
    const folder = join(cli.home, "cache", "civis");
    const names = readdirSync(folder);
    // An empty folder would pass the loop below without checking anything.
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const path = join(folder, name);
      expect(readFileSync(path, "utf8")).not.toContain(SAMPLE_KEY);
      expect(statSync(path).mode & 0o077).toBe(0);
    }
  });
});

describe("an API that echoes the key in its error", () => {
  let server: TestServer;
  const home = tempHome();
  const key = "echoed-secret-key";
  const spec = {
    swagger: "2.0",
    info: { title: "Echo" },
    paths: { "/echo": { get: { responses: { 200: { description: "ok" } } } } },
  };
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.url === "/endpoints") sendJson(res, 200, spec);
      else
        sendJson(res, 400, {
          errorDescription: `bad request from ${req.headers.authorization} (${key})`,
        });
    });
  });
  afterAll(async () => {
    await server.close();
    home.remove();
  });

  it("still prints no key: the command line redacts it", async () => {
    const run = await runCli(["echo", "list"], {
      CIVIS_API_KEY: key,
      CIVIS_API_ENDPOINT: server.url,
      HOME: home.dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("civis: (400) bad request from [redacted] ([redacted]) (GET /echo)\n");
    expectNoKey(run, key);
  });
});
