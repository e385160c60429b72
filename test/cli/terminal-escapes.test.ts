import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { type CliRun, ensureCliBuilt, spawnCli, tempHome, writeIn } from "./helpers/cli-binary.js";
import { runCli } from "./helpers/in-process-cli.js";

// Issue 11, class 13: nothing a spec or an answer says reaches the terminal as a
// control sequence: table output, JSON, errors, help and warnings alike.

const ESC = "\u001b]0;pwned\u0007\u001b[2J\u009b31m";
/** Any control character but tab and newline. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

const SPEC = {
  swagger: "2.0",
  info: { title: `evil${ESC}`, version: "1" },
  paths: {
    "/things": {
      get: {
        summary: `List things${ESC}`,
        description: `Lists${ESC} them.`,
        "x-deprecation-warning": `Gone${ESC} soon`,
        parameters: [{ name: "q", in: "query", type: "string", description: `a query${ESC}` }],
        responses: { "200": { description: `ok${ESC}` } },
      },
    },
    "/things/{id}": {
      get: {
        parameters: [{ name: "id", in: "path", required: true, type: "string" }],
        responses: { "200": { description: "ok" } },
      },
    },
  },
};

let server: TestServer;
let home: ReturnType<typeof tempHome>;
let specFile: string;
beforeAll(async () => {
  await ensureCliBuilt();
  home = tempHome();
  specFile = writeIn(home.dir, "spec.json", JSON.stringify(SPEC));
  server = await startServer((req, res) =>
    req.url.startsWith("/things/")
      ? sendJson(res, 404, { errorDescription: `No such thing${ESC}` })
      : sendJson(res, 200, [{ name: `a${ESC}`, nested: { deep: ESC } }]),
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
  home?.remove();
});

/** `civis --spec <file> --base-url <server> ...args`, in this process (or `spawnCli`'s binary). */
const civis = (...args: string[]): Promise<CliRun> => civisBy(runCli, ...args);
const civisBy = (runner: typeof runCli, ...args: string[]): Promise<CliRun> =>
  runner(["--spec", specFile, "--base-url", server.url, ...args], {
    HOME: home.dir,
    XDG_CACHE_HOME: home.dir,
    CIVIS_API_KEY: "escape-key-5Yb2",
  });

function expectNoControls(run: CliRun): void {
  expect(run.stdout).not.toMatch(CONTROL);
  expect(run.stderr).not.toMatch(CONTROL);
}

describe("the command line on a terminal", () => {
  // Through the built binary too: its warning printer is main.ts's.
  it.each([
    ["run", runCli],
    ["spawn", spawnCli],
  ] as const)(
    "escapes control characters in table output and deprecation warnings (%s)",
    async (_, runner) => {
      const run = await civisBy(runner, "things", "list", "--output", "table");
      expect(run.code).toBe(0);
      expectNoControls(run);
      expect(run.stdout).toContain("\\u001b]0;pwned\\u0007");
      expect(run.stderr).toMatch(/DeprecationWarning: .*Gone\\u001b/);
    },
  );

  it("keeps JSON output valid, with the same meaning", async () => {
    const run = await civis("things", "list");
    expectNoControls(run);
    expect(JSON.parse(run.stdout)).toEqual([{ name: `a${ESC}`, nested: { deep: ESC } }]);
  });

  it("escapes them in error messages", async () => {
    const run = await civis("things", "get", "1");
    expect(run.code).toBe(1);
    expectNoControls(run);
    expect(run.stderr).toContain("No such thing\\u001b");
  });

  it("escapes them in log lines (CIVIS_LOG_LEVEL), deprecation warnings included", async () => {
    // The console logger wrote the spec's deprecation words to the terminal raw.
    const run = await runCli(["--spec", specFile, "--base-url", server.url, "things", "list"], {
      HOME: home.dir,
      XDG_CACHE_HOME: home.dir,
      CIVIS_API_KEY: "escape-key-5Yb2",
      CIVIS_LOG_LEVEL: "debug",
    });
    expect(run.code).toBe(0);
    expectNoControls(run);
    expect(run.stderr).toMatch(/civis warn: .*Gone\\u001b\]0;pwned\\u0007/);
    expect(run.stderr).toContain("civis debug: operation=things.list");
  });

  it("escapes them in help", async () => {
    for (const args of [["help"], ["help", "things"], ["help", "things", "list"]]) {
      const run = await civis(...args);
      expect(run.code).toBe(0);
      expectNoControls(run);
    }
  });
});
