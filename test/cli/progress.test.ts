import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Progress, specDownloadProgress } from "../../src/cli/progress.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

/** A stand-in for stderr that records what is written. */
function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) };
}

describe("Progress", () => {
  it("shows nothing for a quick operation, then redraws one line in place, then erases it", () => {
    let now = 1000;
    const out = stream(true);
    const progress = new Progress(out, { now: () => now, delayMs: 300, intervalMs: 100 });
    progress.update("Fetched 10 items");
    expect(out.writes).toEqual([]);
    now += 300;
    progress.update("Fetched 20 items");
    now += 50;
    progress.update("Fetched 25 items");
    now += 50;
    progress.update("Fetched 30 items");
    progress.done();
    expect(out.writes).toEqual([
      "\rFetched 20 items\x1b[K",
      "\rFetched 30 items\x1b[K",
      "\r\x1b[K",
    ]);
  });

  it("writes nothing at all when stderr is not a terminal", () => {
    let now = 0;
    const out = stream(false);
    const progress = new Progress(out, { now: () => now });
    now += 10_000;
    progress.update("Fetched 10 items");
    progress.done();
    expect(out.writes).toEqual([]);
  });
});

describe("specDownloadProgress", () => {
  let server: TestServer;
  const spec = { swagger: "2.0", paths: {}, padding: "x".repeat(200_000) };
  beforeAll(async () => {
    server = await startServer((req, res) =>
      sendJson(res, 200, req.url === "/endpoints" ? spec : {}),
    );
  });
  afterAll(() => server.close());

  it("passes the spec's bytes through unchanged, reporting on a terminal", async () => {
    const out = stream(true);
    const progressFetch = specDownloadProgress(fetch, out, { delayMs: 0, intervalMs: 0 });
    const response = await progressFetch(`${server.url}endpoints`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(await response.text())).toEqual(spec);
    // The test server sends no Content-Length, so no total is shown.
    expect(out.writes[0]).toMatch(/^\rDownloading the API spec: \d+ KB/);
    expect(out.writes[0]?.endsWith(" KB\x1b[K")).toBe(true);
    const kb = Math.round(JSON.stringify(spec).length / 1024);
    expect(out.writes.at(-2)).toBe(`\rDownloading the API spec: ${kb} KB\x1b[K`);
    expect(out.writes.at(-1)).toBe("\r\x1b[K");
  });

  it("leaves other requests, and non-terminals, untouched", async () => {
    const out = stream(true);
    const other = await specDownloadProgress(fetch, out)(`${server.url}workflows`);
    expect(await other.json()).toEqual({});
    const piped = stream(false);
    await (await specDownloadProgress(fetch, piped)(`${server.url}endpoints`)).text();
    expect([...out.writes, ...piped.writes]).toEqual([]);
  });
});
