// The demo: one local server for the explorer page, the built UMD bundle and the
// sample API. `npm run demo` builds first, then runs this file; PORT picks the port.

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));
/** The page's entry module; its imports are the rest of the page's code. */
const APP_PATH = "/app.js";
const DIST_DIR = fileURLToPath(new URL("../dist/", import.meta.url));
const API_BASE_PATH = "/api";
/** The sample API's spec as a plain file, so "Load the spec from: A URL" has one to try. */
const SAMPLE_SPEC_PATH = "/sample-spec.json";

// Only the bundle and its source map are served from dist/: the page needs nothing else.
const VENDOR_FILES = new Map([
  ["/vendor/civis.umd.js", "civis.umd.js"],
  ["/vendor/civis.umd.js.map", "civis.umd.js.map"],
  ["/vendor/civis.io.umd.min.js", "civis.io.umd.min.js"],
  ["/vendor/civis.io.umd.min.js.map", "civis.io.umd.min.js.map"],
]);

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

// The page never builds HTML from spec text; the policy makes an injected script inert anyway.
// connect-src stays open because a person may load a spec from any URL or talk to a live API.
const PAGE_HEADERS = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src *; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

/** Thrown when the built bundle is missing: the demo serves the package as built. */
export class MissingBuildError extends Error {
  name = "MissingBuildError";
}

function assertBuilt() {
  for (const file of ["civis.umd.js", "testing.js"]) {
    if (!existsSync(resolve(DIST_DIR, file))) {
      throw new MissingBuildError(
        `civis demo: dist/${file} is missing; run \`npm run build\` first (or \`npm run demo\`, which builds).`,
      );
    }
  }
}

/**
 * The page's modules as one file, served as app.js: a module request cost a page load more
 * than the code it carried (bundled, a load of the page took a seventh less CPU in the browser
 * tests). esbuild keeps each module's code as written, under its file name. Each module is
 * still served on its own, and without esbuild (a dev dependency) app.js is served as it is.
 */
async function bundleApp() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return undefined;
  }
  const { outputFiles } = await esbuild.build({
    entryPoints: [resolve(PUBLIC_DIR, `.${APP_PATH}`)],
    // The file names in the bundle's comments, from the repository's root wherever this runs.
    absWorkingDir: fileURLToPath(new URL("..", import.meta.url)),
    bundle: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return Buffer.from(outputFiles[0].contents);
}

function sendBody(res, method, contentType, body) {
  res.writeHead(200, {
    ...PAGE_HEADERS,
    "Content-Type": contentType,
    "Content-Length": body.length,
  });
  res.end(method === "HEAD" ? undefined : body);
}

/** Maps a URL path to a file under public/, refusing anything that escapes it. */
function publicFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const relative = decoded.endsWith("/") ? `${decoded}index.html` : decoded;
  const file = resolve(PUBLIC_DIR, `.${relative}`);
  return file.startsWith(PUBLIC_DIR.endsWith(sep) ? PUBLIC_DIR : PUBLIC_DIR + sep)
    ? file
    : undefined;
}

async function sendFile(res, method, file) {
  let body;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  sendBody(res, method, CONTENT_TYPES[extname(file)] ?? "application/octet-stream", body);
  return true;
}

function sendText(res, status, text) {
  res.writeHead(status, { ...PAGE_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}

/** The spec `GET /api/endpoints` answers, without its key: it names this server as the API. */
function sendSampleSpec(req, res, method, api) {
  const spec = { ...api.spec, host: req.headers.host, schemes: ["http"], basePath: API_BASE_PATH };
  sendBody(res, method, "application/json; charset=utf-8", Buffer.from(JSON.stringify(spec)));
}

async function serveStatic(req, res, api, app) {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    sendText(res, 405, "Method not allowed");
    return;
  }
  const { pathname } = new URL(req.url ?? "/", "http://demo.invalid");
  if (pathname === SAMPLE_SPEC_PATH) {
    sendSampleSpec(req, res, method, api);
    return;
  }
  if (pathname === APP_PATH && app) {
    sendBody(res, method, CONTENT_TYPES[".js"], app);
    return;
  }
  const vendor = VENDOR_FILES.get(pathname);
  const file = vendor ? resolve(DIST_DIR, vendor) : publicFile(pathname);
  if (file && (await sendFile(res, method, file))) return;
  sendText(res, 404, "Not found");
}

/**
 * Starts the demo on 127.0.0.1 (port 0 picks a free one).
 *
 * @param {{ port?: number, now?: () => number }} [options] `now`: the sample API's clock
 *   (tests run its jobs faster)
 * @returns {Promise<{ url: string, apiUrl: string, api: import("../dist/testing.js").SampleApi,
 *   close: () => Promise<void> }>}
 */
export async function startDemoServer({ port = 0, now } = {}) {
  assertBuilt();
  // The sample API is the package's own `civis/testing` build, loaded once it is known to exist.
  const { createSampleApi } = await import(pathToFileURL(resolve(DIST_DIR, "testing.js")).href);
  const api = createSampleApi({ basePath: API_BASE_PATH, ...(now ? { now } : {}) });
  const app = await bundleApp();
  const server = createServer(async (req, res) => {
    try {
      if (await api.handle(req, res)) return;
      await serveStatic(req, res, api, app);
    } catch (error) {
      if (!res.headersSent) sendText(res, 500, String(error?.message ?? error));
      else res.end();
    }
  });
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", fail);
      done();
    });
  });
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}/`;

  function close() {
    return new Promise((done, fail) => {
      server.close((error) => (error ? fail(error) : done()));
      // Keep-alive sockets from the browser would otherwise hold close() open.
      server.closeAllConnections();
    });
  }

  return { url, apiUrl: `${url}${API_BASE_PATH.slice(1)}/`, api, close };
}

/** `PORT` as a port number (unset or empty: 0, any free port); undefined when it is not one. */
function portOf(text) {
  if (text === undefined || text.trim() === "") return 0;
  const port = Number(text);
  return /^\d+$/.test(text.trim()) && port <= 65535 ? port : undefined;
}

/** What went wrong at start, in a line a person can act on; anything unexpected as it is. */
function startError(error) {
  if (error instanceof MissingBuildError) return error.message;
  if (error?.code === "EADDRINUSE") {
    return `civis demo: port ${error.port} of 127.0.0.1 is in use; set PORT to another, or leave it unset for any free port.`;
  }
  return error;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = portOf(process.env.PORT);
  if (port === undefined) {
    console.error(
      `civis demo: PORT must be a port number (0 to 65535), not "${process.env.PORT}".`,
    );
    process.exitCode = 1;
  } else {
    try {
      const { url, api } = await startDemoServer({ port });
      console.log(`civis demo: ${url}  (API key: ${api.apiKey})`);
      console.log("Press Ctrl+C to stop.");
    } catch (error) {
      console.error(startError(error));
      process.exitCode = 1;
    }
  }
}
