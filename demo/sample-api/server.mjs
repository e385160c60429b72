// A standalone HTTP server for the sample API (nothing else: no static files).
// Run directly for manual poking: `node demo/sample-api/server.mjs` (PORT, HOST
// and BASE_PATH are read from the environment).

import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { createSampleApi } from "./handlers.mjs";

const NOT_FOUND = JSON.stringify({
  error: "not_found",
  errorDescription: "The requested resource could not be found.",
  code: 404,
});

/**
 * Start the sample API on `host:port` (port 0 picks a free port).
 *
 * @param {{ port?: number, host?: string, apiKey?: string, basePath?: string }} [options]
 * @returns {Promise<{ url: string, api: ReturnType<typeof createSampleApi>,
 *   server: import("node:http").Server, close: () => Promise<void> }>}
 */
export async function startSampleApiServer({
  port = 0,
  host = "127.0.0.1",
  apiKey,
  basePath,
} = {}) {
  const api = createSampleApi({ apiKey, basePath });
  const server = createServer(async (req, res) => {
    try {
      if (await api.handle(req, res)) return;
      res.writeHead(404, {
        "Content-Type": "application/json",
        "Access-Control-Allow-Origin": "*",
      });
      res.end(NOT_FOUND);
    } catch (error) {
      // `handle` turns handler errors into JSON answers; this only catches
      // transport failures (e.g. a client that hung up mid-body).
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          error: "internal_server_error",
          errorDescription: String(error),
          code: 500,
        }),
      );
    }
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const address = server.address();
  const hostname = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${hostname}:${address.port}${api.basePath}/`;

  function close() {
    return new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive sockets would otherwise hold `close()` open for seconds.
      server.closeAllConnections();
    });
  }

  return { url, api, server, close };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url, api } = await startSampleApiServer({
    port: Number(process.env.PORT ?? 0),
    host: process.env.HOST ?? "127.0.0.1",
    basePath: process.env.BASE_PATH ?? "",
  });
  console.log(`Sample Civis API listening at ${url}`);
  console.log(`Spec: ${url}endpoints  (API key: ${api.apiKey})`);
}
