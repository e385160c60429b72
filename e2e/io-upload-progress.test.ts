// civis/io's uploads in Chromium: progress in bytes as they are sent (XMLHttpRequest), for the
// form POST and the parts of a multipart upload, with retries, aborts and S3's errors as with
// fetch. The sample API serves the presigned storage; this test's server reads upload bodies
// slowly, so the bytes leave the browser over a while rather than at once.
import { createServer, type IncomingMessage } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSampleApi, type SampleApi } from "../src/testing/sample-api/create-sample-api.js";
import { type Listening, listenOnLoopback } from "../test/helpers/listen.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";

import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

const MB = 2 ** 20;

interface UploadOutcome {
  id?: number;
  error?: string;
  events: { loaded: number; total: number }[];
}

interface Options {
  size: number;
  multipartThreshold?: number;
  partSize?: number;
  abortAfterBytes?: number;
  /** onProgress throws "the progress bar broke" at this call (1-based). */
  throwAtCall?: number;
}

/** A request whose body is handed over a chunk at a time, with a pause after each. */
function slowBody(req: IncomingMessage): IncomingMessage {
  return Object.create(req, {
    [Symbol.asyncIterator]: {
      value: async function* () {
        for await (const chunk of req) {
          yield chunk;
          await delay(2);
        }
      },
    },
  });
}

describe.skipIf(!hasChromium)("fileToCivis in Chromium: upload progress in bytes", () => {
  const session = useBrowser();
  let api: SampleApi;
  let server: Listening;
  let site: StaticServer;
  let clock = Date.now();
  /** Answers the next part PUTs with a 503 (S3's SlowDown), once each. */
  let failParts = new Set<number>();
  /** Moves the API's clock an hour on before each storage request: its links have expired. */
  let expireLinks = false;
  /** Answers the next storage requests with this status (and a body), instead of storing. */
  let storageStatus: number | undefined;
  const seen: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    api = createSampleApi({ apiKey: "demo-key", now: () => clock });
    server = await listenOnLoopback(
      createServer(async (req, res) => {
        seen.push(`${req.method} ${req.url?.split("?")[0]}`);
        const part = /\/sample-storage\/parts\/\d+\/(\d+)/.exec(req.url ?? "")?.[1];
        if (req.method === "PUT" && part && failParts.delete(Number(part))) {
          req.resume();
          res.writeHead(503, { "Access-Control-Allow-Origin": "*" });
          res.end(
            "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>",
          );
          return;
        }
        const storage = req.url?.includes("/sample-storage/") && req.method !== "OPTIONS";
        if (storage && storageStatus) {
          req.resume();
          res.writeHead(storageStatus, { "Access-Control-Allow-Origin": "*" });
          res.end("ok");
          return;
        }
        if (storage && expireLinks) clock += 3_600_000;
        try {
          if (await api.handle(storage ? slowBody(req) : req, res)) return;
          res.writeHead(404).end();
        } catch {
          // An aborted upload: the browser hung up mid-body, nobody is left to answer.
          res.destroy();
        }
      }),
    );
    site = await startStaticServer();
  });
  afterAll(async () => {
    await Promise.all([server?.close(), site?.close()]);
  });

  /** Opens a page with civis and civis.io from their script tags and runs one upload. */
  async function upload(options: Options): Promise<UploadOutcome> {
    const { page } = session;
    await page.goto(`${site.url}umd.html`);
    await page.addScriptTag({ url: "/dist/civis.io.umd.min.js" });
    return page.evaluate(
      async ({ baseUrl, options }) => {
        type Io = {
          fileToCivis(
            client: unknown,
            source: Blob,
            name: string,
            options: object,
          ): Promise<number>;
        };
        const g = globalThis as unknown as {
          civis: { io: Io; APIClient: { create(o: object): Promise<unknown> } };
        };
        const client = await g.civis.APIClient.create({
          baseUrl,
          apiKey: "demo-key",
          specCache: false,
        });
        const bytes = new Uint8Array(options.size);
        for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
        const events: { loaded: number; total: number }[] = [];
        const controller = new AbortController();
        try {
          const id = await g.civis.io.fileToCivis(client, new Blob([bytes]), "big.bin", {
            ...(options.multipartThreshold
              ? { multipartThreshold: options.multipartThreshold }
              : {}),
            ...(options.partSize ? { partSize: options.partSize } : {}),
            retryBaseMs: 0,
            signal: controller.signal,
            onProgress: (progress: { loaded: number; total: number }) => {
              events.push({ loaded: progress.loaded, total: progress.total });
              if (events.length === options.throwAtCall) throw new Error("the progress bar broke");
              if (options.abortAfterBytes && progress.loaded >= options.abortAfterBytes) {
                controller.abort(new Error("stopped by the user"));
              }
            },
          });
          return { id, events };
        } catch (error) {
          return { error: (error as Error).message, events };
        }
      },
      { baseUrl: server.url, options },
    );
  }

  /** Checks the events grow, count bytes (not whole requests) and end at the size. */
  function expectBytes(events: UploadOutcome["events"], size: number, chunk: number): void {
    const loaded = events.map((event) => event.loaded);
    expect(events.every((event) => event.total === size)).toBe(true);
    expect(loaded[0]).toBe(0);
    expect(loaded.at(-1)).toBe(size);
    for (let i = 1; i < loaded.length; i++) expect(loaded[i]).toBeGreaterThan(loaded[i - 1]!);
    // Some events fall inside a request, not at its end: bytes, not parts.
    expect(loaded.filter((n) => n % chunk !== 0).length).toBeGreaterThan(0);
  }

  it("a form POST reports its bytes as they are sent", async () => {
    const size = 12 * MB;
    const outcome = await upload({ size });
    expect(outcome.error).toBeUndefined();
    expectBytes(outcome.events, size, size);
    const file = api.data.files.get(outcome.id!)!;
    expect(file.bytes?.length).toBe(size);
  });

  it("a multipart upload sums the bytes of its parts in flight, a retried part counted once", async () => {
    session.allowConsoleError(/Failed to load resource.*503/);
    const size = 12 * MB + 123;
    failParts = new Set([2]);
    const before = seen.length;
    const outcome = await upload({ size, multipartThreshold: MB, partSize: 3 * MB });
    expect(outcome.error).toBeUndefined();
    expectBytes(outcome.events, size, 3 * MB);
    const puts = seen.slice(before).filter((line) => line.startsWith("PUT "));
    expect(puts.filter((line) => line.endsWith("/2"))).toHaveLength(2);
    expect(api.data.files.get(outcome.id!)?.bytes?.length).toBe(size);
  });

  it("an abort mid-upload stops the parts and closes the multipart upload", async () => {
    const before = seen.length;
    const outcome = await upload({
      size: 12 * MB,
      multipartThreshold: MB,
      partSize: 3 * MB,
      abortAfterBytes: MB,
    });
    expect(outcome.error).toBe("stopped by the user");
    const after = seen.slice(before);
    expect(
      after.filter((line) => /^POST \/files\/multipart\/\d+\/complete$/.test(line)),
    ).toHaveLength(1);
    const last = outcome.events.at(-1)!.loaded;
    expect(last).toBeLessThan(12 * MB);
  });

  it("a presigned URL that has expired is S3's XML error, shown in the message", async () => {
    session.allowConsoleError(/Failed to load resource.*403/);
    expireLinks = true;
    try {
      const outcome = await upload({ size: 1000 });
      expect(outcome.error).toMatch(
        /upload of file \d+ failed: \(403\) AccessDenied: Request has expired \(POST http:\/\/127\.0\.0\.1:\d+\/sample-storage\/upload\/\d+\)$/,
      );
      expect(outcome.error).not.toContain("signature=");
    } finally {
      expireLinks = false;
    }
  });

  it("a storage answer whose status a Response cannot carry settles the upload (205, 600)", async () => {
    // Both threw inside the XMLHttpRequest's loadend: the upload never settled.
    session.allowConsoleError(/Failed to load resource/);
    try {
      storageStatus = 205;
      const reset = await upload({ size: 1000 });
      expect(reset.error).toBeUndefined();
      expect(reset.id).toBeGreaterThan(0);
      storageStatus = 600;
      const odd = await upload({ size: 1000 });
      expect(odd.error).toMatch(/^upload of file \d+ failed: Failed to fetch/);
    } finally {
      storageStatus = undefined;
    }
  });

  it("what onProgress throws mid-upload reaches the caller, not the page as an uncaught error", async () => {
    // It was thrown in the XMLHttpRequest's progress event: an uncaught page error.
    const outcome = await upload({ size: 12 * MB, throwAtCall: 2 });
    expect(outcome.error).toBe("the progress bar broke");
  });
});
