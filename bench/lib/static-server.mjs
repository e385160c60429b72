import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { benchDir, distDir } from "./paths.mjs";

/**
 * Serves the browser bench: the page, the UMD build (`umd`, a file of dist/), the spec as the API's
 * `/endpoints` (counted, to tell a cold start from a warm one) and as a plain
 * file for the page's JSON.parse floor.
 */
export async function startStaticServer(specText, { umd = "civis.umd.min.js" } = {}) {
  const files = {
    "/": { type: "text/html", body: readFileSync(join(benchDir, "browser/page.html")) },
    // A page of the same origin without civis, to time IndexedDB on its own.
    "/bare": { type: "text/html", body: Buffer.from("<!doctype html><title>bare</title>") },
    "/civis.umd.min.js": {
      type: "text/javascript",
      // The profiler serves the unminified build under the same name, for readable frames.
      body: readFileSync(join(distDir, umd)),
    },
    "/api/endpoints": { type: "application/json", body: Buffer.from(specText) },
    "/spec.json": { type: "application/json", body: Buffer.from(specText) },
  };
  const served = { specDownloads: 0 };
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const file = files[path];
    if (path === "/api/endpoints") served.specDownloads++;
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": file.type, "Cache-Control": "no-store" });
    res.end(file.body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
