import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CachedSpec, SpecStore } from "../index.js";

/** A cache key (`civis-spec:<sha-256 hex>`) as a file name; anything else is refused. */
function fileOf(dir: string, key: string): string {
  const match = /^civis-spec:([0-9a-f]{64})$/.exec(key);
  if (!match) throw new TypeError("the disk spec store takes keys made by specCacheKey()");
  return join(dir, `spec-${match[1]}.json`);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

/**
 * A `SpecStore` in a folder, one JSON file per key, for the command line: each
 * run starts from the spec a previous one downloaded. Writes go through a temporary
 * file and a rename, so a reader never sees half a spec; files are private to the user.
 */
export function diskSpecStore(dir: string): SpecStore {
  return {
    async get(key: string): Promise<unknown> {
      try {
        return JSON.parse(await readFile(fileOf(dir, key), "utf8"));
      } catch (error) {
        // Missing or corrupt: a miss either way; the cache downloads and overwrites.
        if (isMissing(error) || error instanceof SyntaxError) return undefined;
        throw error;
      }
    },
    async set(key: string, value: CachedSpec): Promise<void> {
      const file = fileOf(dir, key);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Unique per write, so two writes of one process never share a temporary file.
      const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, JSON.stringify(value), { mode: 0o600 });
        await rename(temporary, file);
      } catch (error) {
        // A failed write or rename must not leave a whole spec behind each time.
        await unlink(temporary).catch(() => {});
        throw error;
      }
    },
    async del(key: string): Promise<void> {
      try {
        await unlink(fileOf(dir, key));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
  };
}
