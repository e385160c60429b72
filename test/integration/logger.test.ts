import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMemorySpecCache } from "../../src/cache/spec-cache.js";
import { APIClient, type Logger } from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { loadFixture } from "../helpers/fixtures.js";
import { API_KEY, AUTHORIZATION, type FixtureApi } from "./fixture-client.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.respond(() => ({ body: { id: 1 }, headers: { "X-RateLimit-Remaining": "99" } }));
});
afterEach(() => {
  server.reset();
  delete process.env.CIVIS_LOG_LEVEL;
  vi.restoreAllMocks();
});

type Line = [level: string, message: string, details: Record<string, unknown> | undefined];

/** A logger that keeps every line. */
function recording(): { logger: Required<Logger>; lines: Line[] } {
  const lines: Line[] = [];
  const at =
    (level: string) =>
    (message: string, details?: Readonly<Record<string, unknown>>): void => {
      lines.push([level, message, details]);
    };
  return {
    lines,
    logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
  };
}

function client(options: Record<string, unknown> = {}): APIClient<FixtureApi> {
  return new APIClient<FixtureApi>({
    localApiSpec: loadFixture("swagger2-basic"),
    apiKey: API_KEY,
    baseUrl: server.url,
    retries: false,
    ...options,
  });
}

describe("logger", () => {
  it("logs each request at debug: operation, status, ms, attempt, calls remaining", async () => {
    const { logger, lines } = recording();
    await client({ logger }).workflows.get(5);
    expect(lines).toHaveLength(1);
    const [level, message, details] = lines[0]!;
    expect(level).toBe("debug");
    expect(message).toMatch(
      /^operation=workflows\.get method=GET path=\/workflows\/5 status=200 ms=\d+ attempt=1 calls_remaining=99$/,
    );
    expect(details).toMatchObject({
      operation: "workflows.get",
      method: "GET",
      path: "/workflows/5",
      status: 200,
      attempt: 1,
      calls_remaining: 99,
    });
    expect(details?.ms).toEqual(expect.any(Number));
  });

  it("logs retries at info, and each attempt at debug", async () => {
    const { logger, lines } = recording();
    server.script({ status: 503 }, { drop: true });
    await client({ logger, retries: { backoff: () => 1 } }).workflows.get(5);
    expect(lines.map(([level, message]) => `${level} ${message.replace(/ ms=\d+/, "")}`)).toEqual([
      "debug operation=workflows.get method=GET path=/workflows/5 status=503 attempt=1 calls_remaining=null",
      "info operation=workflows.get method=GET path=/workflows/5 status=503 attempt=1 calls_remaining=null retry_in_ms=1",
      "debug operation=workflows.get method=GET path=/workflows/5 status=null attempt=2 calls_remaining=null error=Connection reset (GET /workflows/5)",
      "info operation=workflows.get method=GET path=/workflows/5 status=null attempt=2 calls_remaining=null error=Connection reset (GET /workflows/5) retry_in_ms=1",
      "debug operation=workflows.get method=GET path=/workflows/5 status=200 attempt=3 calls_remaining=99",
    ]);
  });

  it("logs deprecations at warn, once, instead of a process warning", async () => {
    const { logger, lines } = recording();
    const emitted = vi.spyOn(process, "emitWarning");
    const c = client({ logger });
    server.respond(() => ({ body: [] }));
    await c.scripts.list_legacy_runs(1);
    await c.scripts.list_legacy_runs(1);
    const warnings = lines.filter(([level]) => level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![1]).toMatch(/^scripts\.list_legacy_runs\(\) .*is deprecated/);
    expect(emitted).not.toHaveBeenCalled();
  });

  it("logs spec cache misses and hits at debug", async () => {
    clearMemorySpecCache();
    server.respond(() => ({ body: loadFixture("swagger2-basic") }));
    const { logger, lines } = recording();
    const options = { apiKey: API_KEY, baseUrl: server.url, specCache: "memory" as const, logger };
    await APIClient.create(options);
    await APIClient.create(options);
    // "download" is a miss; "memory" (or "store") a hit.
    expect(lines.map(([, message]) => message).filter((m) => m.startsWith("spec"))).toEqual([
      "spec_cache=download",
      "spec_cache=memory",
    ]);
  });

  it("never logs the API key", async () => {
    const { logger, lines } = recording();
    server.script({ status: 503, body: { errorDescription: "boom" } }, { drop: true });
    const c = client({ logger, retries: { backoff: () => 1 } });
    await c.workflows.get(1);
    await c.workflows.patch(1, { name: "x" });
    const text = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThan(3);
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(AUTHORIZATION.slice(6));
  });

  it("accepts console, and refuses what is not console-shaped", () => {
    expect(() => client({ logger: console })).not.toThrow();
    for (const bad of ["debug", { debug: "yes" }, () => undefined]) {
      expect(() => client({ logger: bad })).toThrow(
        new TypeError("logger must be an object of functions { debug, info, warn, error }"),
      );
    }
  });
});

describe("CIVIS_LOG_LEVEL (Node)", () => {
  it("turns on a console logger on stderr from that level up", async () => {
    const written = vi.spyOn(console, "error").mockImplementation(() => undefined);
    process.env.CIVIS_LOG_LEVEL = "debug";
    await client().workflows.get(1);
    expect(written).toHaveBeenCalledWith(
      expect.stringMatching(/^civis debug: operation=workflows\.get .*status=200 ms=\d+ attempt=1/),
    );
    written.mockClear();
    process.env.CIVIS_LOG_LEVEL = "INFO";
    server.script({ status: 503 });
    await client({ retries: { backoff: () => 1 } }).workflows.get(1);
    expect(written.mock.calls.map(([line]) => String(line).split(":")[0])).toEqual(["civis info"]);
  });

  it("is an option's default only: a given logger wins", async () => {
    const written = vi.spyOn(console, "error").mockImplementation(() => undefined);
    process.env.CIVIS_LOG_LEVEL = "debug";
    const { logger, lines } = recording();
    await client({ logger }).workflows.get(1);
    expect(lines).toHaveLength(1);
    expect(written).not.toHaveBeenCalled();
  });

  it("refuses a level it does not know", () => {
    process.env.CIVIS_LOG_LEVEL = "verbose";
    expect(() => client()).toThrow(
      new TypeError('CIVIS_LOG_LEVEL must be one of debug, info, warn; got "verbose"'),
    );
  });
});
