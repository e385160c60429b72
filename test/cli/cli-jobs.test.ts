import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli as runCliMain } from "../../src/cli/run-cli.js";
import { type SampleApiServer, startSampleApiServer } from "../helpers/sample-api-server.js";
import { tempHome } from "./helpers/cli-binary.js";
import { runCli } from "./helpers/in-process-cli.js";

// The sample API's runs take seconds; its clock runs 50x fast here.
const start = Date.now();
let server: SampleApiServer;
let home: ReturnType<typeof tempHome>;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startSampleApiServer({ now: () => start + (Date.now() - start) * 50 });
  home = tempHome();
  env = {
    HOME: home.dir,
    XDG_CACHE_HOME: join(home.dir, "cache"),
    CIVIS_API_KEY: "demo-key",
    CIVIS_API_ENDPOINT: server.url,
    // Polls every 20 ms, so a run is seen ending without the library's first second of wait.
    CIVIS_POLL_MS: "20",
  };
});
afterAll(async () => {
  await server?.close();
  home?.remove();
});

describe("civis jobs", () => {
  it("run ID --wait follows the run, a plain line per state on a pipe, and prints the finished run", async () => {
    const run = await runCli(["jobs", "run", "301", "--wait"], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ state: "succeeded" });
    const lines = run.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^Job 301 run \d+: succeeded, \d+\.\d s$/);
    expect(run.stderr).not.toContain("\r");
  });

  it("run ID --wait exits 1 with the failure's text", async () => {
    const run = await runCli(["jobs", "run", "302", "--wait"], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /civis: Job 302 run \d+ failed: Model training failed: table scores.turnout has 0 rows.\n$/,
    );
  });

  it("follow-log prints the latest run's log, each line once, and ends", async () => {
    const run = await runCli(["jobs", "follow-log", "302"], env);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split("\n")
        .map((l) => l.replace(/^\S+ /, "")),
    ).toEqual(["Container started", "Loading scores.turnout", "Error: no rows to train on"]);
  });

  it("run --wait ID: --wait takes no value, so the id after it is the job's", async () => {
    const run = await runCli(["jobs", "run", "--wait", "301"], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ state: "succeeded" });
    expect(run.stderr.trim().split("\n").at(-1)).toMatch(/^Job 301 run \d+: succeeded, /);
  });

  it("run ID without --wait prints the new run at once", async () => {
    const run = await runCli(["jobs", "run", "301"], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ state: "queued" });
  });

  it("says what is wrong with the command line (exit 2) or with the job (exit 1)", async () => {
    const bad = await runCli(["jobs", "run", "abc", "--wait"], env);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      "civis: civis jobs: the job id must be a positive integer, got abc\n",
    ]);
    const flag = await runCli(["jobs", "follow-log", "301", "--wait"], env);
    expect([flag.code, flag.stderr]).toEqual([
      2,
      "civis: civis jobs follow-log has no option --wait\n",
    ]);
    const unknown = await runCli(["jobs", "run", "999999", "--wait"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("(404)");
  });

  it("CIVIS_POLL_MS that is not a whole number of ms is a usage error (exit 2)", async () => {
    for (const value of ["0", "1.5", "soon"]) {
      const run = await runCli(["jobs", "run", "301", "--wait"], { ...env, CIVIS_POLL_MS: value });
      expect([run.code, run.stderr]).toEqual([
        2,
        `civis: CIVIS_POLL_MS must be a whole number of ms from 1 to 2147483647, got ${value}\n`,
      ]);
    }
  });

  it("redraws one progress line in place on a terminal", async () => {
    const written: string[] = [];
    const stdout: string[] = [];
    // In this process the client reads the endpoint from process.env, so it is given here.
    const code = await runCliMain(["jobs", "run", "301", "--wait", "--base-url", server.url], {
      stdout: { write: (text: string) => stdout.push(text) },
      stderr: { isTTY: true, write: (text: string) => written.push(text) },
      env,
    });
    expect(code).toBe(0);
    expect(written.length).toBeGreaterThan(1);
    expect(
      written.slice(0, -1).every((text) => text.startsWith("\r") && text.endsWith("\u001b[K")),
    ).toBe(true);
    expect(written.at(-1)).toBe("\n");
  });
});
