import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutOfDateError } from "../../src/typegen/out-of-date-error.js";
import { typegen } from "../../src/typegen/typegen.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

const fixturePath = fileURLToPath(new URL("../fixtures/swagger2-basic.json", import.meta.url));
const fixture = JSON.parse(readFileSync(fixturePath, "utf8")) as Record<string, unknown>;

describe("typegen()", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "civis-typegen-fn-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the declarations to `out` (folders included) and says what it covered", async () => {
    const out = join(dir, "types", "civis-api.d.ts");
    const result = await typegen({ spec: fixturePath, out });
    expect(result).toMatchObject({ changed: true, operations: 17, resources: 8 });
    expect(readFileSync(out, "utf8")).toBe(result.text);
    expect(result.ms).toBeGreaterThan(0);
  });

  it("leaves an up-to-date file untouched", async () => {
    const out = join(dir, "same.d.ts");
    await typegen({ spec: fixture, out });
    const before = statSync(out).mtimeMs;
    const again = await typegen({ spec: fixture, out });
    expect(again.changed).toBe(false);
    expect(statSync(out).mtimeMs).toBe(before);
  });

  it("returns the text without writing anything when there is no `out`", async () => {
    const result = await typegen({ spec: fixture });
    expect(result.text).toContain("export interface CivisApi {");
  });

  describe("check", () => {
    it("passes when the file matches the spec, and writes nothing", async () => {
      const out = join(dir, "checked.d.ts");
      await typegen({ spec: fixture, out });
      await expect(typegen({ spec: fixture, out, check: true })).resolves.toMatchObject({
        changed: false,
      });
    });

    it("fails when the spec changed since the file was written", async () => {
      const out = join(dir, "stale.d.ts");
      await typegen({ spec: fixture, out });
      const changed = structuredClone(fixture);
      (changed.paths as Record<string, unknown>)["/widgets"] = {
        get: { responses: { 200: { description: "ok" } } },
      };
      const text = readFileSync(out, "utf8");
      const error = await typegen({ spec: changed, out, check: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutOfDateError);
      expect((error as OutOfDateError).message).toMatch(/stale\.d\.ts is out of date/);
      expect(readFileSync(out, "utf8")).toBe(text);
    });

    it("fails when the file was edited by hand, or is missing", async () => {
      const out = join(dir, "edited.d.ts");
      await typegen({ spec: fixture, out });
      writeFileSync(out, `${readFileSync(out, "utf8")}// edited\n`);
      await expect(typegen({ spec: fixture, out, check: true })).rejects.toThrow(OutOfDateError);
      await expect(
        typegen({ spec: fixture, out: join(dir, "missing.d.ts"), check: true }),
      ).rejects.toThrow(/missing\.d\.ts does not exist/);
    });

    it("needs a file to compare with", async () => {
      await expect(typegen({ spec: fixture, check: true })).rejects.toThrow(TypeError);
    });
  });

  describe("a spec URL", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer((req, res) => {
        if (req.headers.authorization === undefined) sendJson(res, 200, fixture);
        else if (req.headers.authorization === `Basic ${btoa("good-key:")}`)
          sendJson(res, 200, fixture);
        else sendJson(res, 401, { errorDescription: "bad key" });
      });
    });
    afterAll(() => server.close());

    it("is downloaded, with the key as Basic auth when one is given", async () => {
      const result = await typegen({ spec: `${server.url}endpoints`, apiKey: "good-key" });
      expect(result.operations).toBe(17);
      expect(server.requests.at(-1)!.headers.authorization).toBe(`Basic ${btoa("good-key:")}`);
      await typegen({ spec: `${server.url}spec.json` });
      expect(server.requests.at(-1)!.headers.authorization).toBeUndefined();
    });

    it("that refuses the key fails with a message that never shows the key", async () => {
      const error = (await typegen({ spec: `${server.url}endpoints`, apiKey: "wrong-key" }).catch(
        (e: unknown) => e,
      )) as Error;
      expect(error.message).toMatch(/HTTP 401: the API key is missing, expired or invalid/);
      expect(error.message).not.toContain("wrong-key");
      expect(error.message).not.toContain(btoa("wrong-key:"));
    });
  });
});
