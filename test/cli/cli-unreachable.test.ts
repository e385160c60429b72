import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli as runCliMain } from "../../src/cli/run-cli.js";
import { SPEC_NO_ANSWER_ATTEMPTS } from "../../src/download/download-spec.js";
import { sendJson, startServer } from "../helpers/http-server.js";
import { listenOnLoopback } from "../helpers/listen.js";

const fixturePath = fileURLToPath(new URL("../fixtures/openapi3-basic.json", import.meta.url));

import { tempHome } from "./helpers/cli-binary.js";
import { runCli } from "./helpers/in-process-cli.js";

describe("civis against a base URL where nothing answers", () => {
  const home = tempHome();
  let url: string;
  beforeAll(async () => {
    // A port that was just free: connections to it are refused at once.
    const listening = await listenOnLoopback(createServer());
    await listening.close();
    url = listening.url;
  });
  afterAll(() => home.remove());

  it("says on stderr what it waits for and why, then gives up within seconds", async () => {
    // The default backoff is full jitter, Math.random() times 2 s, 4 s: 0.01 keeps the waits
    // (20 ms, 40 ms) without the seconds they take at random.
    const random = vi.spyOn(Math, "random").mockReturnValue(0.01);
    const run = await runCli(["workflows", "list"], {
      HOME: home.dir,
      CIVIS_API_KEY: "key",
      CIVIS_API_ENDPOINT: url,
    }).finally(() => random.mockRestore());
    expect(run.stderr).toContain("retrying in 20 ms, attempt 2 of");
    const lines = run.stderr.trimEnd().split("\n");
    const waits = lines.slice(0, -1);
    expect(waits).toHaveLength(SPEC_NO_ANSWER_ATTEMPTS - 1);
    waits.forEach((line, i) => {
      expect(line).toMatch(
        new RegExp(
          `^civis: no answer from ${url.replaceAll(".", "\\.")} \\(connection refused\\); retrying in \\d+ m?s, attempt ${i + 2} of ${SPEC_NO_ANSWER_ATTEMPTS}$`,
        ),
      );
    });
    expect(lines.at(-1)).toBe("civis: Connection refused (GET /endpoints)");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
  }, 30_000);

  it.each([["spec"], ["typegen"]])(
    "civis %s says each retry of its spec download too (it was silent for seconds)",
    async (command) => {
      const random = vi.spyOn(Math, "random").mockReturnValue(0.01);
      const run = await runCli([command], {
        HOME: home.dir,
        CIVIS_API_KEY: "key",
        CIVIS_API_ENDPOINT: url,
      }).finally(() => random.mockRestore());
      const escaped = url.replaceAll(".", "\\.");
      expect(run.stderr).toMatch(
        new RegExp(
          `^civis: no answer from ${escaped} \\(connection refused\\); retrying in 20 ms, attempt 2 of ${SPEC_NO_ANSWER_ATTEMPTS}\n`,
        ),
      );
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(SPEC_NO_ANSWER_ATTEMPTS);
      expect(run.code).toBe(1);
    },
    30_000,
  );

  it("civis typegen --spec URL says each retry of that download", async () => {
    let asked = 0;
    const server = await startServer((_req, res) => {
      asked++;
      if (asked === 1) sendJson(res, 503, { errorDescription: "busy" });
      else res.end(readFileSync(fixturePath));
    });
    const random = vi.spyOn(Math, "random").mockReturnValue(0.01);
    const run = await runCli(["typegen", "--spec", `${server.url}spec.json`], {
      HOME: home.dir,
    }).finally(async () => {
      random.mockRestore();
      await server.close();
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("export interface CivisApi");
    expect(run.stderr).toMatch(/^civis: \(503\) .*; retrying in 20 ms, attempt 2 of 10\n$/);
  });
});

describe("civis against a base URL that takes the connection and never answers", () => {
  const home = tempHome();
  let silent: Awaited<ReturnType<typeof listenOnLoopback>>;
  beforeAll(async () => {
    silent = await listenOnLoopback(createServer(() => {}));
  });
  afterAll(async () => {
    await silent?.close();
    home.remove();
  });

  it("gives each spec download attempt a timeout, says so on stderr, then gives up", async () => {
    const stderr: string[] = [];
    const random = vi.spyOn(Math, "random").mockReturnValue(0.01);
    // In this process the client reads the endpoint from process.env: --base-url instead.
    const code = await runCliMain(["workflows", "list", "--base-url", silent.url], {
      stdout: { write: () => {} },
      stderr: { write: (text: string) => stderr.push(text) },
      env: { HOME: home.dir, XDG_CACHE_HOME: `${home.dir}/cache`, CIVIS_API_KEY: "key" },
      // The default is a minute an attempt; it waited in silence as long as fetch would.
      specTimeoutMs: 100,
    }).finally(() => random.mockRestore());
    const lines = stderr.join("").trimEnd().split("\n");
    expect(lines.slice(0, -1)).toEqual(
      Array.from(
        { length: SPEC_NO_ANSWER_ATTEMPTS - 1 },
        (_, i) =>
          `civis: no answer from ${silent.url} (timed out); retrying in ${20 * 2 ** i} ms, attempt ${i + 2} of ${SPEC_NO_ANSWER_ATTEMPTS}`,
      ),
    );
    expect(lines.at(-1)).toMatch(/^civis: .*time.*\(GET \/endpoints\)$/i);
    expect(code).toBe(1);
  }, 30_000);
});
