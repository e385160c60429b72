import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CivisStorageError } from "../../src/io/civis-storage-error.js";
import { fileToCivis } from "../../src/io/file-to-civis.js";
import { type FakeCivis, formFields, json, s3Error, startFakeCivis } from "./helpers/fake-civis.js";

let fake: FakeCivis;
let dir: string;

beforeEach(async () => {
  fake = await startFakeCivis();
  dir = await mkdtemp(join(tmpdir(), "civis-io-test-"));
  fake.on("POST", /^\/files\/?$/, (_req, res) =>
    json(res, 201, {
      id: 7,
      uploadUrl: `${fake.url}bucket?X-Amz-Signature=secret`,
      uploadFields: { policy: "p", key: "files/7/data.csv", "x-amz-signature": "s" },
    }),
  );
  fake.on("POST", /^\/bucket$/, (_req, res) => {
    res.writeHead(204);
    res.end();
  });
});

afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const storage = () =>
  fake.requests.filter((r) => r.path.startsWith("/bucket") || r.path.startsWith("/part"));
const api = () =>
  fake.requests.filter((r) => !r.path.startsWith("/bucket") && !r.path.startsWith("/part"));

describe("fileToCivis: one form POST up to the multipart threshold", () => {
  it("posts files.post, then the form with key first and the file last, and resolves to the id", async () => {
    const progress: number[] = [];
    const id = await fileToCivis(
      fake.client(),
      new TextEncoder().encode("a,b\n1,2\n"),
      "data.csv",
      {
        expiresAt: null,
        description: "numbers",
        onProgress: (p) => progress.push(p.loaded),
      },
    );
    expect(id).toBe(7);
    expect(JSON.parse(api()[0]!.body.toString())).toEqual({
      name: "data.csv",
      expiresAt: null,
      description: "numbers",
    });
    const fields = await formFields(storage()[0]!);
    expect(fields.map(([name]) => name)).toEqual(["key", "policy", "x-amz-signature", "file"]);
    expect(fields[0]![1]).toBe("files/7/data.csv");
    expect(fields[3]![1].toString()).toBe("a,b\n1,2\n");
    expect(storage()[0]!.headers.authorization).toBeUndefined();
    // On Node the form goes out through node:http, counted as its bytes go: 0 first, then
    // only growth, up to the file's size.
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(8);
    expect(progress).toEqual([...new Set(progress)].sort((a, b) => a - b));
  });

  it("takes the name of a File, a path or a Node file stream", async () => {
    await fileToCivis(fake.client(), new File(["x"], "from-file.txt"));
    const path = join(dir, "from-path.csv");
    await writeFile(path, "1,2\n");
    await fileToCivis(fake.client(), path);
    await fileToCivis(fake.client(), createReadStream(path));
    const names = api().map((r) => JSON.parse(r.body.toString()).name);
    expect(names).toEqual(["from-file.txt", "from-path.csv", "from-path.csv"]);
    expect((await formFields(storage()[2]!))[3]![1].toString()).toBe("1,2\n");
  });

  it("refuses bad input before any request: no name, a missing path, a long description", async () => {
    await expect(fileToCivis(fake.client(), new Uint8Array([1]))).rejects.toThrow(
      /needs a name: the source carries none/,
    );
    await expect(fileToCivis(fake.client(), join(dir, "nope.csv"))).rejects.toThrow(
      /no such file: .*nope\.csv/,
    );
    await expect(
      fileToCivis(fake.client(), new Uint8Array([1]), "n", { description: "d".repeat(513) }),
    ).rejects.toThrow(/513 characters; the API takes at most 512/);
    await expect(fileToCivis(fake.client(), 42 as never, "n")).rejects.toThrow(TypeError);
    // A Blob that says it is bigger than the API's largest file (5 TiB), without the bytes.
    class Huge extends Blob {
      override get size(): number {
        return 5 * 2 ** 40 + 1;
      }
    }
    await expect(fileToCivis(fake.client(), new Huge([]), "huge.bin")).rejects.toThrow(
      "the file is 5497558138881 bytes, over the API's limit of 5 TiB",
    );
    expect(fake.requests).toEqual([]);
  });

  it("shows S3's XML error of a presigned POST, without the signature, and does not retry a 403", async () => {
    fake.on("POST", /^\/bucket$/, (_req, res) =>
      s3Error(res, 403, "AccessDenied", "Invalid according to Policy: Policy expired."),
    );
    const failure = fileToCivis(fake.client(), new Uint8Array([1, 2]), "x.bin", { retryBaseMs: 0 });
    await expect(failure).rejects.toBeInstanceOf(CivisStorageError);
    await expect(failure).rejects.toThrow(
      /upload of file 7 failed: \(403\) AccessDenied: Invalid according to Policy: Policy expired\. \(POST http:\/\/127\.0\.0\.1:\d+\/bucket\)$/,
    );
    await failure.catch((error: Error) => expect(error.message).not.toContain("secret"));
    expect(storage()).toHaveLength(1);
  });

  it("retries a presigned POST that answered 503, sending the same form again", async () => {
    let calls = 0;
    fake.on("POST", /^\/bucket$/, (_req, res) => {
      if (++calls === 1) return s3Error(res, 503, "SlowDown", "Please reduce your request rate.");
      res.writeHead(204);
      res.end();
    });
    expect(await fileToCivis(fake.client(), new Uint8Array([9]), "x.bin", { retryBaseMs: 0 })).toBe(
      7,
    );
    expect(storage()).toHaveLength(2);
    expect((await formFields(storage()[1]!))[3]![1]).toEqual(Buffer.from([9]));
  });
});

describe("fileToCivis: multipart above the threshold", () => {
  const bytes = new TextEncoder().encode("abcdefghijklmnopqrstuvw"); // 23 bytes: 6 parts of 4
  const small = { multipartThreshold: 10, partSize: 4, retryBaseMs: 0 };

  /**
   * `overlap`: the first parts are held until that many are in at once (or all are), so
   * concurrency shows whatever the timing of new connections on a busy machine.
   */
  function multipartRoutes(
    part: (n: number, res: import("node:http").ServerResponse) => boolean,
    overlap = 1,
  ) {
    const inFlight = { now: 0, max: 0 };
    let arrived = 0;
    let numParts = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.on("POST", /^\/files\/multipart$/, (req, res) => {
      numParts = JSON.parse(req.body.toString()).numParts;
      json(res, 201, {
        id: 9,
        uploadUrls: Array.from(
          { length: numParts },
          (_, i) => `${fake.url}part/${i + 1}?sig=secret`,
        ),
      });
    });
    fake.on("PUT", /^\/part\/(\d+)$/, async (_req, res, match) => {
      inFlight.max = Math.max(inFlight.max, ++inFlight.now);
      if (inFlight.now >= overlap || ++arrived === numParts) release();
      await held;
      // Let other parts start, so concurrency shows.
      await new Promise((resolve) => setImmediate(resolve));
      inFlight.now--;
      if (part(Number(match[1]), res)) return;
      res.writeHead(200, { ETag: '"e"' });
      res.end();
    });
    fake.on("POST", /^\/files\/multipart\/9\/complete$/, (_req, res) => {
      res.writeHead(204);
      res.end();
    });
    return inFlight;
  }
  const completes = () => fake.requests.filter((r) => r.path === "/files/multipart/9/complete");
  const parts = () => fake.requests.filter((r) => r.path.startsWith("/part/"));

  it("puts every part, at most 4 at a time, then completes; progress counts bytes", async () => {
    const inFlight = multipartRoutes(() => false, 2);
    const progress: number[] = [];
    const id = await fileToCivis(fake.client(), bytes, "big.csv", {
      ...small,
      onProgress: (p) => progress.push(p.loaded),
    });
    expect(id).toBe(9);
    expect(JSON.parse(api()[0]!.body.toString())).toEqual({ name: "big.csv", numParts: 6 });
    const byPart = parts()
      .map((r) => [Number(r.path.split(/[/?]/)[2]), r.body.toString()] as const)
      .sort((a, b) => a[0] - b[0]);
    expect(byPart.map(([, body]) => body).join("")).toBe("abcdefghijklmnopqrstuvw");
    expect(inFlight.max).toBeLessThanOrEqual(4);
    expect(inFlight.max).toBeGreaterThan(1);
    expect(completes()).toHaveLength(1);
    expect(progress.at(-1)).toBe(23);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("retries a part that failed once", async () => {
    let failed = false;
    multipartRoutes((n, res) => {
      if (n !== 3 || failed) return false;
      failed = true;
      s3Error(res, 500, "InternalError", "We encountered an internal error.");
      return true;
    });
    expect(await fileToCivis(fake.client(), bytes, "big.csv", small)).toBe(9);
    expect(parts().filter((r) => r.path.startsWith("/part/3?"))).toHaveLength(2);
  });

  it("fails the upload when a part still fails, names it, and closes the multipart upload", async () => {
    multipartRoutes((n, res) => {
      if (n !== 2) return false;
      s3Error(res, 403, "AccessDenied", "Request has expired");
      return true;
    });
    const failure = fileToCivis(fake.client(), bytes, "big.csv", { ...small, concurrency: 1 });
    await expect(failure).rejects.toThrow(
      /upload of part 2 of 6 \(file 9\) failed: \(403\) AccessDenied: Request has expired .*; the multipart upload of file 9 was closed without it/,
    );
    expect(completes()).toHaveLength(1);
    // Nothing after the failed part was sent (one at a time here).
    expect(parts().map((r) => r.path.split("?")[0])).toEqual(["/part/1", "/part/2"]);
  });

  it("an abort stops the parts and still closes the multipart upload", async () => {
    const controller = new AbortController();
    multipartRoutes((n) => {
      if (n === 2) controller.abort(new Error("stopped by the user"));
      return false;
    });
    await expect(
      fileToCivis(fake.client(), bytes, "big.csv", {
        ...small,
        concurrency: 1,
        signal: controller.signal,
      }),
    ).rejects.toThrow("stopped by the user");
    expect(completes()).toHaveLength(1);
    expect(parts().length).toBeLessThan(6);
  });

  it("a wrong number of upload URLs is an error, and the upload is closed", async () => {
    multipartRoutes(() => false);
    fake.on("POST", /^\/files\/multipart$/, (_req, res) =>
      json(res, 201, { id: 9, uploadUrls: [`${fake.url}part/1`] }),
    );
    await expect(fileToCivis(fake.client(), bytes, "big.csv", small)).rejects.toThrow(
      /gave 1 upload URLs for 6 parts \(file 9\)/,
    );
    expect(completes()).toHaveLength(1);
    expect(parts()).toHaveLength(0);
  });
});
