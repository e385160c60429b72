import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SPEC_NO_ANSWER_ATTEMPTS } from "../../src/download/download-spec.js";
import { listenOnLoopback } from "../helpers/listen.js";
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
});
