import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { specCacheKey } from "../../src/cache/cache-key.js";
import type { CachedSpec } from "../../src/cache/spec-store.js";
import { cacheDir } from "../../src/cli/cache-dir.js";
import { diskSpecStore } from "../../src/cli/disk-spec-store.js";

const root = mkdtempSync(join(tmpdir(), "civis-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const record: CachedSpec = { format: "civis-spec-cache", version: 1, savedAt: 1, text: "{}" };

describe("diskSpecStore", () => {
  it("keeps one private file per key, creating its folder", async () => {
    const dir = join(root, "a", "civis");
    const store = diskSpecStore(dir);
    const key = await specCacheKey("https://api.test/", "secret-key", "1.0");
    expect(await store.get(key)).toBeUndefined();
    await store.set(key, record);
    expect(await store.get(key)).toEqual(record);
    const [file, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(file).toBe(`spec-${key.slice("civis-spec:".length)}.json`);
    expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o077).toBe(0);
    await store.del(key);
    await store.del(key);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves no temporary file behind when the rename fails", async () => {
    const dir = join(root, "rename-fails");
    const store = diskSpecStore(dir);
    const key = await specCacheKey("https://api.test/", "k", "1.0");
    // A folder with something in it where the file should go: no rename can replace it.
    const target = join(dir, `spec-${key.slice("civis-spec:".length)}.json`);
    mkdirSync(join(target, "occupied"), { recursive: true });
    await expect(store.set(key, record)).rejects.toThrow();
    await expect(store.set(key, record)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([`spec-${key.slice("civis-spec:".length)}.json`]);
  });

  it("reads a corrupt file as a miss", async () => {
    const dir = join(root, "b");
    const store = diskSpecStore(dir);
    const key = await specCacheKey("https://api.test/", undefined, "1.0");
    await store.set(key, record);
    writeFileSync(join(dir, readdirSync(dir)[0]!), "{ half");
    expect(await store.get(key)).toBeUndefined();
  });

  it("refuses keys it did not make, so no name can leave its folder", async () => {
    const store = diskSpecStore(join(root, "c"));
    await expect(store.get("../../etc/passwd")).rejects.toThrow(TypeError);
  });
});

describe("cacheDir", () => {
  it("is $XDG_CACHE_HOME/civis, else ~/.cache/civis; a relative XDG path is ignored", () => {
    expect(cacheDir({ XDG_CACHE_HOME: "/x/cache", HOME: "/home/u" })).toBe("/x/cache/civis");
    expect(cacheDir({ HOME: "/home/u" })).toBe("/home/u/.cache/civis");
    expect(cacheDir({ XDG_CACHE_HOME: "rel", HOME: "/home/u" })).toBe("/home/u/.cache/civis");
  });
});
