import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CivisStorageError } from "../../src/io/civis-storage-error.js";
import { civisToFile } from "../../src/io/civis-to-file.js";
import { EmptyResultError } from "../../src/io/empty-result-error.js";
import { fileToJson } from "../../src/io/file-to-json.js";
import { jsonToCivisFile } from "../../src/io/json-to-civis-file.js";
import { type FakeCivis, formFields, json, s3Error, startFakeCivis } from "./helpers/fake-civis.js";

let fake: FakeCivis;
let dir: string;
const CONTENT = "id,name\n1,Ada\n2,Grace\n";

beforeEach(async () => {
  fake = await startFakeCivis();
  dir = await mkdtemp(join(tmpdir(), "civis-io-test-"));
  fake.on("GET", /^\/files\/(\d+)$/, (_req, res, match) =>
    json(res, 200, {
      id: Number(match[1]),
      name: "people.csv",
      fileSize: CONTENT.length,
      fileUrl: `${fake.url}download/${match[1]}?X-Amz-Signature=secret`,
    }),
  );
  fake.on("GET", /^\/download\/\d+$/, (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/csv" });
    res.end(CONTENT);
  });
});

afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe("civisToFile", () => {
  it("writes a Node path, leaving no temporary file, and reports progress", async () => {
    const path = join(dir, "out.csv");
    const seen: [number, number][] = [];
    await civisToFile(fake.client(), 5, path, {
      onProgress: (p) => seen.push([p.loaded, p.total]),
    });
    expect(await readFile(path, "utf8")).toBe(CONTENT);
    expect(await readdir(dir)).toEqual(["out.csv"]);
    expect(seen.at(-1)).toEqual([CONTENT.length, CONTENT.length]);
    expect(
      fake.requests.find((r) => r.path.startsWith("/download"))!.headers.authorization,
    ).toBeUndefined();
  });

  it("writes a Node writable and leaves it open; with no destination resolves to a Blob", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await civisToFile(fake.client(), 5, out);
    expect(Buffer.concat(chunks).toString()).toBe(CONTENT);
    expect(out.writableEnded).toBe(false);
    const blob = await civisToFile(fake.client(), 5);
    expect(await blob.text()).toBe(CONTENT);
  });

  it("an expired file (no file_url) is an EmptyResultError, and no file is left", async () => {
    fake.on("GET", /^\/files\/(\d+)$/, (_req, res) => json(res, 200, { id: 5, fileUrl: null }));
    const path = join(dir, "out.csv");
    const failure = civisToFile(fake.client(), 5, path);
    await expect(failure).rejects.toBeInstanceOf(EmptyResultError);
    await expect(failure).rejects.toThrow("file 5 has no download URL: it may have expired");
    expect(await readdir(dir)).toEqual([]);
  });

  it("a 403 from storage shows S3's message; an existing file is left as it was", async () => {
    fake.on("GET", /^\/download\/\d+$/, (_req, res) =>
      s3Error(res, 403, "AccessDenied", "Request has expired"),
    );
    const path = join(dir, "out.csv");
    await writeFile(path, "old");
    const failure = civisToFile(fake.client(), 5, path, { retryBaseMs: 0 });
    await expect(failure).rejects.toBeInstanceOf(CivisStorageError);
    await expect(failure).rejects.toThrow(
      /download of file 5 failed: \(403\) AccessDenied: Request has expired \(GET http:\/\/127\.0\.0\.1:\d+\/download\/5\)$/,
    );
    expect(await readFile(path, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["out.csv"]);
  });

  it("a body cut half-way fails and leaves no partial file", async () => {
    fake.on("GET", /^\/download\/\d+$/, (_req, res) => {
      res.writeHead(200, { "Content-Length": "1000" });
      res.write("id,name\n1,");
      setImmediate(() => res.destroy());
    });
    const path = join(dir, "out.csv");
    await expect(civisToFile(fake.client(), 5, path)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it("a body cut half-way is an error naming the file and the URL (no signature), whatever the destination", async () => {
    fake.on("GET", /^\/download\/\d+$/, (_req, res) => {
      res.writeHead(200, { "Content-Length": "1000" });
      res.write("id,name\n1,");
      setImmediate(() => res.destroy());
    });
    // It was fetch's bare "TypeError: terminated", naming neither the file nor the request.
    const named =
      /^download of file 5 failed: terminated.* \(GET http:\/\/127\.0\.0\.1:\d+\/download\/5\)$/;
    const out = new PassThrough();
    out.resume();
    for (const call of [
      () => civisToFile(fake.client(), 5, join(dir, "out.csv")),
      () => civisToFile(fake.client(), 5, out),
      () => civisToFile(fake.client(), 5),
      () => fileToJson(fake.client(), 5),
    ]) {
      await expect(call()).rejects.toThrow(named);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it("an error answer with an endless body: its start is read, then it is dropped", async () => {
    let answers = 0;
    let dropped = 0;
    fake.on("GET", /^\/download\/\d+$/, (_req, res) => {
      answers++;
      res.writeHead(503, { "Content-Type": "text/plain" });
      const chunk = Buffer.alloc(2 ** 16, "x");
      const more = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", more);
      };
      res.once("close", () => dropped++);
      more();
    });
    // It was read whole (text()) on every attempt: memory grew until the process ran out.
    await expect(civisToFile(fake.client(), 5, undefined, { retryBaseMs: 0 })).rejects.toThrow(
      /^download of file 5 failed: \(503\) x{200} \(GET http:\/\/127\.0\.0\.1:\d+\/download\/5\)$/,
    );
    expect(answers).toBe(4);
    await vi.waitFor(() => expect(dropped).toBe(4));
  });

  it("a slow Node writable: each wait for drain takes its listeners off again", async () => {
    const big = Buffer.alloc(2 * 2 ** 20, 97);
    fake.on("GET", /^\/download\/\d+$/, (_req, res) => {
      res.writeHead(200);
      res.end(big);
    });
    let written = 0;
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        setImmediate(done);
      },
    });
    const before = ["drain", "error", "close"].map((event) => out.listenerCount(event));
    await civisToFile(fake.client(), 5, out);
    expect(written).toBe(big.length);
    // Left on, one "error" and one "close" listener piled up per wait (Node warned after ten).
    expect(["drain", "error", "close"].map((event) => out.listenerCount(event))).toEqual(before);
  });

  it("refuses a missing folder and a bad id before any request", async () => {
    await expect(civisToFile(fake.client(), 5, join(dir, "no", "such", "out.csv"))).rejects.toThrow(
      /ENOENT/,
    );
    await expect(civisToFile(fake.client(), 5, join(dir, "no", "out.csv"))).rejects.toThrow(
      `cannot write ${join(dir, "no", "out.csv")}: no such folder ${join(dir, "no")} (ENOENT)`,
    );
    await expect(civisToFile(fake.client(), "5" as never, join(dir, "x"))).rejects.toThrow(
      'fileId must be a positive integer, not "5"',
    );
    expect(fake.requests).toEqual([]);
  });
});

describe("fileToJson and jsonToCivisFile", () => {
  it("store a value as a JSON file and read it back", async () => {
    const stored = new Map<number, Buffer>();
    fake.on("POST", /^\/files\/?$/, (_req, res) =>
      json(res, 201, { id: 11, uploadUrl: `${fake.url}bucket`, uploadFields: { key: "k" } }),
    );
    fake.on("POST", /^\/bucket$/, async (req, res) => {
      stored.set(11, (await formFields(req)).at(-1)![1] as Buffer);
      res.writeHead(204);
      res.end();
    });
    fake.on("GET", /^\/download\/11$/, (_req, res) => {
      res.end(stored.get(11));
    });
    const value = { rows: [1, 2], name: "José" };
    const id = await jsonToCivisFile(fake.client(), value);
    expect(id).toBe(11);
    expect(JSON.parse(fake.requests[0]!.body.toString()).name).toBe("file.json");
    expect(await fileToJson(fake.client(), id)).toEqual(value);
  });

  it("a file that is not JSON, and a value with no JSON form, are clear errors", async () => {
    await expect(fileToJson(fake.client(), 5)).rejects.toThrow(/file 5 is not valid JSON/);
    await expect(jsonToCivisFile(fake.client(), undefined)).rejects.toThrow(
      "the value has no JSON form",
    );
  });
});
