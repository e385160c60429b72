import { spawn } from "node:child_process";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadFixture } from "../test/helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../test/helpers/http-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { distDir } from "./helpers/paths.js";

const MINUTE = 60_000;

/**
 * One line a user might type: three create() calls with the default specCacheTtlMs, the
 * clock moved 14 then 16 minutes on between them; prints how the third spec was found.
 */
function program(baseUrl: string): string {
  const entry = pathToFileURL(`${distDir}index.js`).href;
  return [
    "(async () => {",
    `const { APIClient, describeClient } = await import(${JSON.stringify(entry)});`,
    `const options = { apiKey: "repl-key", baseUrl: ${JSON.stringify(baseUrl)}, retries: false };`,
    "const start = Date.now();",
    "const origins = [];",
    "origins.push(describeClient(await APIClient.create(options)).origin);",
    `Date.now = () => start + ${14 * MINUTE};`,
    "origins.push(describeClient(await APIClient.create(options)).origin);",
    `Date.now = () => start + ${16 * MINUTE};`,
    "origins.push(describeClient(await APIClient.create(options)).origin);",
    'console.log("ORIGINS " + JSON.stringify(origins));',
    '})().then(() => process.exit(0), (error) => { console.log("FAILED " + error); process.exit(1); });',
  ].join(" ");
}

/** Runs `node <args>` with the program on stdin (or as `-e`), and returns its ORIGINS line. */
async function origins(args: string[], code: string, onStdin: boolean): Promise<string[]> {
  const child = spawn(process.execPath, onStdin ? args : [...args, code], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { PATH: process.env.PATH ?? "" },
  });
  let out = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    out += chunk;
  });
  if (onStdin) child.stdin.write(`${code}\n`);
  else child.stdin.end();
  const [exitCode] = (await once(child, "exit")) as [number | null];
  const line = /ORIGINS (\[.*\])/.exec(out)?.[1];
  expect(line, `exit ${exitCode}, output: ${out}`).toBeDefined();
  return JSON.parse(line!) as string[];
}

describe("the spec cache of the built package in a real Node process", () => {
  let server: TestServer;
  const downloads = () => server.requests.filter((r) => r.url === "/endpoints").length;

  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer((req, res) =>
      req.url === "/endpoints"
        ? sendJson(res, 200, loadFixture("swagger2-basic"))
        : sendJson(res, 404, {}),
    );
  });
  afterAll(() => server?.close());
  afterEach(() => {
    server.requests.length = 0;
  });

  it("in an interactive REPL (`node -i`), keeps a spec 15 minutes by default", async () => {
    const seen = await origins(["-i"], program(server.url), true);
    expect(seen).toEqual(["download", "memory", "download"]);
    expect(downloads()).toBe(2);
  });

  it("in a script (`node -e`), keeps it longer: 16 minutes on, it is still fresh", async () => {
    const seen = await origins(["-e"], program(server.url), false);
    expect(seen).toEqual(["download", "memory", "memory"]);
    expect(downloads()).toBe(1);
  });
});
