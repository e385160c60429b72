import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { isNullBodyStatus, type UploadBytes } from "./xhr-fetch.js";

/**
 * A `fetch` for presigned uploads on Node, built on node:http: Node's fetch (undici) holds a
 * Blob body in memory rather than streaming it from its file (bench/io-transfer.mjs: a 200 MB
 * multipart upload peaked at 268 MiB RSS through it), so 4 parts in flight held 4 parts; here
 * the Blob is piped with backpressure and its bytes are reported as they go out. It answers
 * as fetch does where `storageFetch` looks (see `xhrFetch`): a Response for any HTTP answer,
 * a TypeError for a lost connection, the signal's reason for an abort. FormData is sent as
 * one Blob of its fields and files (see `formBlob`); other bodies go through fetch.
 */
export function nodeUploadFetch(onBytes: UploadBytes): typeof fetch {
  return (url, init = {}) => {
    const form = init.body instanceof FormData ? formBlob(init.body) : undefined;
    const blob = form ?? init.body;
    if (!(blob instanceof Blob)) return fetch(url, init);
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal;
      if (signal?.aborted) return reject(signal.reason);
      const target = new URL(String(url));
      const headers = Object.fromEntries(new Headers(init.headers));
      headers["content-length"] = String(blob.size);
      if (blob.type && !headers["content-type"]) headers["content-type"] = blob.type;
      const send = target.protocol === "https:" ? httpsRequest : httpRequest;
      const req = send(target, { method: init.method ?? "GET", headers });
      let answer: IncomingMessage | undefined;
      const abort = () => {
        reject(signal?.reason);
        req.destroy(signal?.reason);
        answer?.destroy(signal?.reason);
      };
      signal?.addEventListener("abort", abort, { once: true });
      const done = () => signal?.removeEventListener("abort", abort);
      req.on("error", (error) => {
        done();
        reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: error }));
      });
      req.on("response", (res) => {
        answer = res;
        res.on("close", done);
        const headers = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        const status = res.statusCode ?? 0;
        const body = isNullBodyStatus(status) ? null : (Readable.toWeb(res) as ReadableStream);
        if (!body) res.resume();
        try {
          resolve(new Response(body, { status, statusText: res.statusMessage ?? "", headers }));
        } catch (error) {
          // A status a Response cannot have (205 with a body, 600): thrown here, in node:http's
          // event, it was an uncaught exception and the upload never settled.
          res.destroy();
          reject(new TypeError("fetch failed", { cause: error }));
        }
      });
      let sent = 0;
      pipeline(
        Readable.fromWeb(blob.stream() as NodeReadableStream<Uint8Array>),
        async function* (chunks: AsyncIterable<Uint8Array>) {
          for await (const chunk of chunks) {
            yield chunk;
            sent += chunk.length;
            // What onProgress throws reaches the caller at the request's end (ProgressReporter);
            // thrown here, it cut the request, which was then retried as a lost connection.
            try {
              onBytes(sent, blob.size);
            } catch {}
          }
        },
        req,
      ).catch((error: unknown) => req.destroy(error as Error));
    });
  };
}

/**
 * A form as one Blob, in multipart/form-data as fetch writes it: its files stay on disk
 * (a Blob made of Blobs does not read them), so the form POST streams too.
 */
function formBlob(form: FormData): Blob {
  const boundary = `----civis${crypto.randomUUID()}`;
  const quote = (name: string) =>
    name.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
  const parts: BlobPart[] = [];
  for (const [name, value] of form) {
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"`);
    if (typeof value === "string") parts.push(`\r\n\r\n${value.replace(/\r?\n|\r/g, "\r\n")}\r\n`);
    else {
      const type = value.type || "application/octet-stream";
      parts.push(
        `; filename="${quote(value.name)}"\r\nContent-Type: ${type}\r\n\r\n`,
        value,
        "\r\n",
      );
    }
  }
  parts.push(`--${boundary}--\r\n`);
  return new Blob(parts, { type: `multipart/form-data; boundary=${boundary}` });
}
