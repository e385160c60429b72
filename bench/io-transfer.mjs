// One process of the civis/io transfer case: upload and download of SIZE MB through civis/io
// against raw fetch, both to a loopback server in this process that accepts and discards
// uploads and serves downloads from memory; peak RSS of the civis/io run. Prints one JSON line.
// WHICH: all, upload, download, or civis-upload (civis/io's upload alone: raw fetch would
// leave its memory in the process, counted in the peak).

import { createWriteStream, openAsBlob } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { APIClient } from "../dist/index.js";
import { civisToFile, fileToCivis } from "../dist/io.js";

const MB = Number(process.argv[2] ?? 200);
const which = process.argv[3] ?? "all";
const size = MB * 2 ** 20;
const payload = Buffer.alloc(8 * 2 ** 20, 7);

const server = createServer(async (req, res) => {
  if (req.url.startsWith("/data")) {
    res.writeHead(200, { "Content-Length": String(size) });
    for (let sent = 0; sent < size; sent += payload.length) {
      if (!res.write(payload.subarray(0, Math.min(payload.length, size - sent)))) {
        await new Promise((resolve) => res.once("drain", resolve));
      }
    }
    res.end();
    return;
  }
  let body = "";
  if (req.url.startsWith("/files")) {
    for await (const chunk of req) body += chunk;
  } else {
    for await (const _ of req);
  }
  const origin = `http://127.0.0.1:${server.address().port}`;
  res.setHeader("Content-Type", "application/json");
  if (req.url === "/files/multipart") {
    const { numParts } = JSON.parse(body);
    res.end(
      JSON.stringify({
        id: 1,
        uploadUrls: Array.from({ length: numParts }, (_, i) => `${origin}/part/${i}`),
      }),
    );
  } else if (req.url === "/files") {
    res.end(JSON.stringify({ id: 1, uploadUrl: `${origin}/form`, uploadFields: { key: "k" } }));
  } else if (req.url.startsWith("/files/1")) {
    res.end(JSON.stringify({ id: 1, name: "x", fileUrl: `${origin}/data`, fileSize: size }));
  } else {
    res.statusCode = req.url.startsWith("/files/multipart/1/complete") ? 204 : 200;
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}/`;
const op = (params = []) => ({ parameters: params, responses: { 200: { description: "ok" } } });
const idParam = { name: "id", in: "path", required: true, type: "integer" };
const bodyParam = (props) => ({
  name: "body",
  in: "body",
  required: true,
  schema: { type: "object", properties: props },
});
const spec = {
  swagger: "2.0",
  info: { title: "bench", version: "1" },
  host: base.slice(7, -1),
  schemes: ["http"],
  basePath: "/",
  paths: {
    "/files": { post: op([bodyParam({ name: { type: "string" } })]) },
    "/files/multipart": {
      post: op([bodyParam({ name: { type: "string" }, numParts: { type: "integer" } })]),
    },
    "/files/multipart/{id}/complete": { post: op([idParam]) },
    "/files/{id}": { get: op([idParam]) },
  },
};
const client = new APIClient({ localApiSpec: spec, apiKey: "x", retries: false });

const dir = await mkdtemp(join(tmpdir(), "civis-bench-io-"));
const source = join(dir, "source.bin");
// Written in pieces: a 200 MB buffer here would be counted as civis/io's memory.
{
  const file = createWriteStream(source);
  for (let written = 0; written < size; written += payload.length) {
    if (!file.write(payload.subarray(0, Math.min(payload.length, size - written)))) {
      await new Promise((resolve) => file.once("drain", resolve));
    }
  }
  await new Promise((resolve) => file.end(resolve));
}
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
const timed = async (fn) => {
  const start = performance.now();
  await fn();
  return (MB / (performance.now() - start)) * 1000;
};
const out = { mb: MB, rawUpload: [], civisUpload: [], rawDownload: [], civisDownload: [] };
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
// Alternating rounds, so warming up and drift fall on both sides alike.
for (let round = 0; round < 3; round++) {
  if (which === "all" || which === "upload" || which === "civis-upload") {
    // Raw fetch: the same bytes in parts of the same size, 4 at a time, as civis/io sends them.
    // "civis-upload" leaves raw fetch out: the memory it held would count in civis/io's peak.
    if (which !== "civis-upload")
      out.rawUpload.push(
        await timed(async () => {
          const blob = await openAsBlob(source);
          const part = Math.max(5 * 2 ** 20, Math.floor(Math.sqrt(5 * 2 ** 20) * Math.sqrt(size)));
          const starts = [];
          for (let s = 0; s < size; s += part) starts.push(s);
          let next = 0;
          const worker = async () => {
            while (next < starts.length) {
              const s = starts[next++];
              const res = await fetch(`${base}part/x`, {
                method: "PUT",
                body: blob.slice(s, s + part),
              });
              await res.arrayBuffer();
            }
          };
          await Promise.all([worker(), worker(), worker(), worker()]);
        }),
      );
    peak = 0;
    out.civisUpload.push(await timed(() => fileToCivis(client, source, "big.bin")));
    out.uploadPeakRss = Math.max(out.uploadPeakRss ?? 0, peak);
  }
  if (which === "all" || which === "download") {
    out.rawDownload.push(
      await timed(async () => {
        const res = await fetch(`${base}data`);
        await pipeline(Readable.fromWeb(res.body), createWriteStream(join(dir, "raw.bin")));
      }),
    );
    peak = 0;
    out.civisDownload.push(await timed(() => civisToFile(client, 1, join(dir, "civis.bin"))));
    out.downloadPeakRss = Math.max(out.downloadPeakRss ?? 0, peak);
  }
}
for (const key of ["rawUpload", "civisUpload", "rawDownload", "civisDownload"])
  out[key] = median(out[key]);
clearInterval(sampler);
server.close();
await rm(dir, { recursive: true, force: true });
console.log(JSON.stringify(out));
