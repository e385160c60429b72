import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient } from "../src/client/api-client.js";
import { runJob } from "../src/index.js";
import { startServer, type TestServer } from "../test/helpers/http-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { type DemoServer, startDemoServer } from "./helpers/demo-page.js";

const SERVE = fileURLToPath(new URL("../demo/serve.mjs", import.meta.url));

/** `node demo/serve.mjs` as `npm run demo` starts it, with PORT set; for starts that fail. */
function serve(port: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? "", PORT: port };
    execFile(process.execPath, [SERVE], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("npm run demo's server: a start that cannot happen says why in one line", () => {
  let taken: TestServer;
  beforeAll(async () => {
    await ensureBuilt();
    taken = await startServer();
  });
  afterAll(() => taken?.close());

  it("names a port already in use (it printed Node's EADDRINUSE stack)", async () => {
    const port = new URL(taken.url).port;
    expect(await serve(port)).toEqual({
      code: 1,
      stdout: "",
      stderr: `civis demo: port ${port} of 127.0.0.1 is in use; set PORT to another, or leave it unset for any free port.\n`,
    });
  });

  it("refuses a PORT that is not a port number (it took any free port without a word)", async () => {
    expect(await serve("80a")).toEqual({
      code: 1,
      stdout: "",
      stderr: 'civis demo: PORT must be a port number (0 to 65535), not "80a".\n',
    });
    expect((await serve("70000")).stderr).toContain("PORT must be a port number");
  });
});

describe("npm run demo's server: the pages a run's links open", () => {
  let demo: DemoServer;
  beforeAll(async () => {
    await ensureBuilt();
    demo = await startDemoServer();
  });
  afterAll(() => demo?.close());

  it("answers a run's Platform link with a page that says what it is (it was a bare 404)", async () => {
    const client = await APIClient.create({ apiKey: "demo-key", baseUrl: demo.apiUrl });
    // The link the "Run a job" panel shows: the job's page, as soon as the run starts.
    const stop = new AbortController();
    const future = runJob(client, 301, { signal: stop.signal });
    const url = future.job_url;
    stop.abort();
    await expect(future).rejects.toThrow();
    expect(url).toBe(`${demo.url}spa/#/jobs/301`);
    const page = await fetch(`${demo.url}spa/`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("The demo's sample API has no Platform pages.");
    expect(text).toContain('<a href="../">Back to the explorer</a>');
  });

  it("serves the page's modules as one app.js, and each module on its own too", async () => {
    const app = await (await fetch(`${demo.url}app.js`)).text();
    // Bundled: no import of a sibling module is left, and the modules' code is in it.
    expect(app).not.toMatch(/\bfrom\s*["']\.\//);
    const dom = await fetch(`${demo.url}dom.js`);
    expect(dom.status).toBe(200);
    expect(app).toContain("// demo/public/dom.js");
    expect(app).toContain("// demo/public/app.js");
  });
});
