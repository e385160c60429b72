import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, resolve, sep } from "node:path";
import { listenOnLoopback } from "../../test/helpers/listen.js";
import { distDir, pagesDir } from "./paths.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".css": "text/css; charset=utf-8",
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  close(): Promise<void>;
}

/** The file under `root` that `relative` names, or undefined if it would leave `root`. */
function inside(root: string, relative: string): string | undefined {
  const base = resolve(root);
  const file = resolve(base, `.${sep}${relative}`);
  return file.startsWith(base + sep) ? file : undefined;
}

/**
 * Serves `dist/` at `/dist/`, the test pages of `e2e/pages/` at `/`, and any extra
 * folders given as `{ "/prefix/": folder }` (longest prefix wins). On 127.0.0.1,
 * port 0, so the API server on another port is a different origin.
 */
export async function startStaticServer(
  extra: Readonly<Record<string, string>> = {},
): Promise<StaticServer> {
  const mounts = Object.entries({ "/": pagesDir, "/dist/": distDir, ...extra }).sort(
    ([a], [b]) => b.length - a.length,
  );
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    const relative = mount ? decodeURIComponent(pathname.slice(mount[0].length)) : "";
    const file =
      mount &&
      inside(
        mount[1],
        relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative,
      );
    try {
      if (!file) throw new Error("outside the served folders");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        // A reload must load the same files again, not a stale cached build.
        "Cache-Control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found: ${pathname}`);
    }
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    async close() {
      await listening.close();
    },
  };
}
