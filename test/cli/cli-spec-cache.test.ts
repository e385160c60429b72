import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { specCacheKey } from "../../src/cache/cache-key.js";
import { SAMPLE_KEY, useSampleApiCli } from "./helpers/sample-api-cli.js";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("the command line's spec cache on disk", () => {
  const cli = useSampleApiCli();
  const downloads = () => cli.server.api.stats["GET /endpoints"] ?? 0;
  const cacheFolder = () => join(cli.home, "cache", "civis");
  async function cacheFile(): Promise<string> {
    const key = await specCacheKey(cli.server.url, SAMPLE_KEY, "1.0");
    return join(cacheFolder(), `spec-${key.slice("civis-spec:".length)}.json`);
  }

  it("downloads the spec once, then starts from $XDG_CACHE_HOME/civis", async () => {
    const start = downloads();
    expect((await cli.run(["users", "list-me"])).code).toBe(0);
    expect(downloads()).toBe(start + 1);
    expect((await cli.run(["workflows", "list", "--limit", "1"])).code).toBe(0);
    expect((await cli.run(["help", "workflows"])).code).toBe(0);
    expect(downloads()).toBe(start + 1);

    const file = await cacheFile();
    const record = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(record).toMatchObject({ format: "civis-spec-cache", version: 1 });
    expect(JSON.parse(record.text as string)).toHaveProperty("paths./workflows");
  });

  it("downloads again with --refresh, and when the cached spec is over 24 hours old", async () => {
    await cli.run(["users", "list-me"]);
    const start = downloads();
    expect((await cli.run(["users", "list-me", "--refresh"])).code).toBe(0);
    expect(downloads()).toBe(start + 1);

    const file = await cacheFile();
    const record = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...record, savedAt: Date.now() - DAY_MS - 60_000 }));
    expect((await cli.run(["users", "list-me"])).code).toBe(0);
    expect(downloads()).toBe(start + 2);
    const rewritten = JSON.parse(readFileSync(file, "utf8")) as { savedAt: number };
    expect(Date.now() - rewritten.savedAt).toBeLessThan(DAY_MS);
  });

  it("replaces a corrupt cache file instead of failing", async () => {
    await cli.run(["users", "list-me"]);
    const file = await cacheFile();
    writeFileSync(file, "{ not json");
    const start = downloads();
    const run = await cli.run(["users", "list-me"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(downloads()).toBe(start + 1);
    expect(() => JSON.parse(readFileSync(file, "utf8"))).not.toThrow();
  });

  it("keys the cache by endpoint and key, and falls back to ~/.cache/civis", async () => {
    const run = await cli.run(["users", "list-me"], { XDG_CACHE_HOME: "" });
    expect(run.code).toBe(0);
    expect(readdirSync(join(cli.home, ".cache", "civis"))).toEqual([
      (await cacheFile()).split("/").at(-1),
    ]);
    const other = await cli.run(["users", "list-me"], {
      CIVIS_API_ENDPOINT: cli.server.url.replace("127.0.0.1", "localhost"),
    });
    expect(other.code).toBe(0);
    expect(readdirSync(cacheFolder())).toHaveLength(2);
  });

  it("keeps no key in the cache: not in a file name, not in a file", async () => {
    await cli.run(["users", "list-me"]);
    const names = readdirSync(cacheFolder());
    // An empty folder would pass the loop below without checking anything.
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const text = readFileSync(join(cacheFolder(), name), "utf8");
      expect(name).not.toContain(SAMPLE_KEY);
      expect(text).not.toContain(SAMPLE_KEY);
      expect(text).not.toContain(btoa(`${SAMPLE_KEY}:`));
    }
  });
});

describe("civis spec", () => {
  const cli = useSampleApiCli();

  it("writes the downloaded spec to --out, or prints it", async () => {
    const out = join(cli.home, "spec.json");
    const written = await cli.run(["spec", "--out", out]);
    expect(written).toMatchObject({
      code: 0,
      stdout: "",
      stderr: `Wrote the API spec to ${out}\n`,
    });
    const spec = JSON.parse(readFileSync(out, "utf8")) as { paths: object };
    expect(Object.keys(spec.paths)).toEqual(
      Object.keys((cli.server.api.spec as { paths: object }).paths),
    );

    const printed = await cli.run(["spec"]);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(spec);
  });

  it("always downloads (it is how to fetch a fresh copy), and refuses API parameters", async () => {
    const start = cli.server.api.stats["GET /endpoints"] ?? 0;
    await cli.run(["spec"]);
    await cli.run(["spec"]);
    expect(cli.server.api.stats["GET /endpoints"]).toBe(start + 2);
    const run = await cli.run(["spec", "--limit", "5"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("civis: civis spec has no option --limit\n");
    expect(existsSync(join(cli.home, "cache"))).toBe(false);
  });
});
