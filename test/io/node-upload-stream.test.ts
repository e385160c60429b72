import { randomBytes } from "node:crypto";
import { openAsBlob } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fileToCivis } from "../../src/io/file-to-civis.js";
import { nodeUploadFetch } from "../../src/io/node-upload-fetch.js";
import { type Listening, listenOnLoopback } from "../helpers/listen.js";
import { type FakeCivis, json, s3Error, startFakeCivis } from "./helpers/fake-civis.js";

/** One part PUT as the storage host saw it: bytes received, and whether the body ended. */
interface Put {
  readonly part: number;
  readonly length: string | undefined;
  readonly type: string | undefined;
  bytes: Buffer;
  ended: boolean;
}

const partSize = 2 ** 20;
let fake: FakeCivis;
let storage: Listening;
let puts: Put[];
/** Answers one part's PUT once its body is in; returns true when it answered. */
let answerPart: (put: Put, res: ServerResponse) => boolean;
let dir: string;
let path: string;
let bytes: Buffer;

beforeEach(async () => {
  puts = [];
  answerPart = () => false;
  storage = await listenOnLoopback(
    createServer((req: IncomingMessage, res: ServerResponse) => {
      const put: Put = {
        part: Number(req.url?.split(/[/?]/)[2]),
        length: req.headers["content-length"],
        type: req.headers["content-type"],
        bytes: Buffer.alloc(0),
        ended: false,
      };
      puts.push(put);
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      // An aborted upload ends here without an answer.
      req.on("error", () => undefined);
      req.on("end", () => {
        put.bytes = Buffer.concat(chunks);
        put.ended = true;
        if (answerPart(put, res)) return;
        res.writeHead(200, { ETag: '"e"' });
        res.end();
      });
    }),
  );
  fake = await startFakeCivis();
  fake.on("POST", /^\/files\/multipart$/, (req, res) => {
    const { numParts } = JSON.parse(req.body.toString());
    json(res, 201, {
      id: 9,
      uploadUrls: Array.from({ length: numParts }, (_, i) => `${storage.url}part/${i}?sig=s`),
    });
  });
  fake.on("POST", /^\/files\/multipart\/9\/complete$/, (_req, res) => {
    res.writeHead(204);
    res.end();
  });
  dir = await mkdtemp(join(tmpdir(), "civis-io-stream-"));
  path = join(dir, "big.bin");
  // 3.5 parts: the last one is short.
  bytes = randomBytes(3 * partSize + partSize / 2);
  await writeFile(path, bytes);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fake.close();
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const options = { multipartThreshold: partSize, partSize, retryBaseMs: 0 };
const completed = () => fake.requests.filter((r) => r.path === "/files/multipart/9/complete");

/** The bytes of each part's last complete PUT, in part order. */
function received(): Buffer {
  const last = new Map<number, Buffer>();
  for (const put of puts) if (put.ended) last.set(put.part, put.bytes);
  return Buffer.concat([...last.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b));
}

describe("fileToCivis on Node: parts streamed from the file through node:http", () => {
  it("sends the exact bytes with a Content-Length, never reading a part whole, with progress in bytes", async () => {
    const readWhole = vi.spyOn(Blob.prototype, "arrayBuffer");
    const streamed = vi.spyOn(Blob.prototype, "stream");
    const progress: number[] = [];
    const id = await fileToCivis(fake.client(), path, "big.bin", {
      ...options,
      onProgress: (p) => progress.push(p.loaded),
    });
    expect(id).toBe(9);
    expect(received().equals(bytes)).toBe(true);
    expect(puts.map((p) => p.length).sort()).toEqual(
      [partSize, partSize, partSize, partSize / 2].map(String).sort(),
    );
    expect(readWhole).not.toHaveBeenCalled();
    expect(streamed).toHaveBeenCalledTimes(4);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Bytes are reported as they go out, not once per part.
    expect(progress.length).toBeGreaterThan(puts.length + 1);
    expect(completed()).toHaveLength(1);
  });

  it("a part answered 503 is sent again, whole, then the upload succeeds", async () => {
    let failed = false;
    answerPart = (put, res) => {
      if (put.part !== 1 || failed) return false;
      failed = true;
      s3Error(res, 503, "SlowDown", "Please reduce your request rate.");
      return true;
    };
    expect(await fileToCivis(fake.client(), path, "big.bin", options)).toBe(9);
    const part1 = puts.filter((p) => p.part === 1);
    expect(part1).toHaveLength(2);
    for (const put of part1)
      expect(put.bytes.equals(bytes.subarray(partSize, 2 * partSize))).toBe(true);
    expect(received().equals(bytes)).toBe(true);
  });

  it("a part answered with an S3 error fails with its code and message", async () => {
    answerPart = (put, res) => {
      if (put.part !== 2) return false;
      s3Error(res, 403, "AccessDenied", "Request has expired");
      return true;
    };
    await expect(fileToCivis(fake.client(), path, "big.bin", options)).rejects.toThrow(
      /upload of part 3 of 4 \(file 9\) failed: \(403\) AccessDenied: Request has expired/,
    );
    expect(completed()).toHaveLength(1);
  });

  it("what onProgress throws mid-part reaches the caller as it is; no part is sent again", async () => {
    const mine = new Error("the progress bar broke");
    let calls = 0;
    const failure = fileToCivis(fake.client(), path, "big.bin", {
      ...options,
      concurrency: 1,
      onProgress: () => {
        if (++calls === 3) throw mine;
      },
    });
    // It cut the part's request, which was retried as a lost connection ("socket hang up").
    await expect(failure).rejects.toThrow(/^the progress bar broke; the multipart upload/);
    await expect(failure).rejects.toHaveProperty("cause", mine);
    expect(puts.map((p) => p.part)).toEqual([0]);
    expect(puts[0]!.ended).toBe(true);
    expect(completed()).toHaveLength(1);
  });

  it("an abort mid-part ends the request and rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("stopped by the user");
    await expect(
      fileToCivis(fake.client(), path, "big.bin", {
        ...options,
        concurrency: 1,
        signal: controller.signal,
        // Once some bytes of the first part are out, before all of them are.
        onProgress: (p) => {
          if (p.loaded > 0 && p.loaded < partSize) controller.abort(reason);
        },
      }),
    ).rejects.toBe(reason);
    // No part's body arrived whole (the first may not have reached the server at all).
    expect(puts.filter((p) => p.ended)).toHaveLength(0);
    expect(completed()).toHaveLength(1);
  });
});

describe("fileToCivis on Node: the form POST", () => {
  it("streams the file in a form with key first and the file last, never read whole", async () => {
    fake.on("POST", /^\/files\/?$/, (_req, res) =>
      json(res, 201, {
        id: 7,
        uploadUrl: `${storage.url}bucket/x`,
        uploadFields: { policy: "p\nq", key: "files/7/big.bin" },
      }),
    );
    const readWhole = vi.spyOn(Blob.prototype, "arrayBuffer");
    const progress: number[] = [];
    const id = await fileToCivis(fake.client(), path, "big.bin", {
      onProgress: (p) => progress.push(p.loaded),
    });
    expect(readWhole).not.toHaveBeenCalled();
    expect(id).toBe(7);
    const put = puts[0]!;
    expect(Number(put.length)).toBe(put.bytes.length);
    const form = await new Response(new Uint8Array(put.bytes), {
      headers: { "content-type": String(put.type) },
    }).formData();
    expect([...form.keys()]).toEqual(["key", "policy", "file"]);
    expect(form.get("key")).toBe("files/7/big.bin");
    expect(form.get("policy")).toBe("p\r\nq");
    const file = form.get("file") as File;
    expect(file.name).toBe("big.bin");
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress.length).toBeGreaterThan(2);
  });
});

describe("nodeUploadFetch", () => {
  it("rejects with an AbortError, as fetch does, when the signal has no reason", async () => {
    const controller = new AbortController();
    const blob = await openAsBlob(path);
    const sending = nodeUploadFetch((loaded) => {
      if (loaded > 0) controller.abort();
    })(`${storage.url}part/0`, { method: "PUT", body: blob, signal: controller.signal });
    await expect(sending).rejects.toMatchObject({ name: "AbortError" });
    expect(puts.some((p) => p.ended)).toBe(false);
  });

  it("answers as fetch does: status, headers and the body streamed", async () => {
    answerPart = (_put, res) => {
      res.writeHead(201, { "X-Seen": "yes" });
      res.end("stored");
      return true;
    };
    const response = await nodeUploadFetch(() => undefined)(`${storage.url}part/0`, {
      method: "PUT",
      body: new Blob(["abc"]),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-seen")).toBe("yes");
    expect(await response.text()).toBe("stored");
    expect(puts[0]?.bytes.toString()).toBe("abc");
  });

  it("a lost connection is a TypeError, as fetch's", async () => {
    answerPart = (_put, res) => {
      res.socket?.destroy();
      return true;
    };
    await expect(
      nodeUploadFetch(() => undefined)(`${storage.url}part/0`, {
        method: "PUT",
        body: new Blob(["abc"]),
      }),
    ).rejects.toBeInstanceOf(TypeError);
  });
});

describe("nodeUploadFetch: an answer whose status a Response cannot carry", () => {
  /** A storage host that answers every request with this raw status line and a body. */
  async function rawStorage(statusLine: string): Promise<{ url: string; close(): void }> {
    const server = createNetServer((socket) => {
      socket.on("error", () => {});
      socket.once("data", () =>
        socket.end(`HTTP/1.1 ${statusLine}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok`),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}/part/1`, close: () => server.close() };
  }

  // Both threw inside node:http's "response" event: an uncaught exception, and the upload
  // never settled.
  it("a 205 resolves with no body; a 600 is a TypeError, as a lost connection", async () => {
    const reset = await rawStorage("205 Reset Content");
    const odd = await rawStorage("600 Odd");
    try {
      const send = nodeUploadFetch(() => {});
      const answer = await send(reset.url, { method: "PUT", body: new Blob(["abc"]) });
      expect(answer.status).toBe(205);
      expect(answer.body).toBeNull();
      const failure = send(odd.url, { method: "PUT", body: new Blob(["abc"]) });
      await expect(failure).rejects.toThrow(TypeError);
      await expect(failure).rejects.toThrow("fetch failed");
    } finally {
      reset.close();
      odd.close();
    }
  });
});
