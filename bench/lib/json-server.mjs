import { createServer } from "node:http";

/** How many pages the paginated list has, and items per page. */
export const PAGES = 50;
export const PAGE_SIZE = 10;

const item = (id) => ({
  id,
  name: `Workflow ${id}`,
  state: "succeeded",
  createdAt: "2024-01-02T03:04:05.000Z",
  updatedAt: "2024-01-02T03:04:05.000Z",
});

// Answers are serialized once: the bench measures clients, not this server.
const ONE = Buffer.from(JSON.stringify(item(1)));
const PAGE_BODIES = Array.from({ length: PAGES }, (_, p) =>
  Buffer.from(
    JSON.stringify(Array.from({ length: PAGE_SIZE }, (_, i) => item(p * PAGE_SIZE + i + 1))),
  ),
);
const EMPTY_LIST = Buffer.from("[]");
const JSON_HEADERS = { "Content-Type": "application/json" };

function answer(url) {
  const [path, search = ""] = url.split("?");
  if (/^\/workflows\/?$/.test(path)) {
    const page = Number(new URLSearchParams(search).get("page_num") ?? 1);
    const body = PAGE_BODIES[page - 1] ?? EMPTY_LIST;
    return { body, headers: { ...JSON_HEADERS, "X-Pagination-Total-Pages": String(PAGES) } };
  }
  return { body: ONE, headers: JSON_HEADERS };
}

/**
 * A loopback server with small fixed JSON answers: `GET /workflows/{id}` one
 * object; `GET /workflows?page_num=N` page N of 50 (with `X-Pagination-Total-Pages`);
 * anything else the same small object.
 */
export async function startJsonServer() {
  const server = createServer((req, res) => {
    // Drain any request body before answering so keep-alive sockets stay usable.
    req.resume();
    req.on("end", () => {
      const { body, headers } = answer(req.url ?? "/");
      res.writeHead(200, { ...headers, "Content-Length": body.length });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
