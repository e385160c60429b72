import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { APIClient } from "../../../src/index.js";
import { listenOnLoopback } from "../../helpers/listen.js";
import { ioSpec } from "./io-spec.js";

/** One request as the fake saw it, body as bytes. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: Buffer;
}

export type Route = (
  req: SeenRequest,
  res: ServerResponse,
  match: RegExpMatchArray,
) => void | Promise<void>;

export interface FakeCivis {
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Answers `METHOD /path-regex`; later routes win over earlier ones. */
  on(method: string, path: RegExp, route: Route): void;
  client(): APIClient;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** An S3-style XML error. */
export function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "Content-Type": "application/xml" });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>X</RequestId></Error>`,
  );
}

/** A Civis API and a storage host on one real loopback server, routes set by each test. */
export async function startFakeCivis(): Promise<FakeCivis> {
  const routes: { method: string; path: RegExp; route: Route }[] = [];
  const requests: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const seen: SeenRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(seen);
    const pathOnly = seen.path.split("?")[0] ?? "";
    for (let i = routes.length - 1; i >= 0; i--) {
      const { method, path, route } = routes[i]!;
      const match = method === seen.method ? path.exec(pathOnly) : null;
      if (match) {
        try {
          await route(seen, res, match);
        } catch (error) {
          if (!res.headersSent) json(res, 500, { errorDescription: String(error) });
          else res.destroy();
        }
        return;
      }
    }
    json(res, 404, { errorDescription: `no route for ${seen.method} ${pathOnly}` });
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    requests,
    on(method, path, route) {
      routes.push({ method, path, route });
    },
    client() {
      return new APIClient({
        localApiSpec: ioSpec(listening.url),
        apiKey: "io-test-key",
        retries: false,
      });
    },
    close: () => listening.close(),
  };
}

/** The fields of a multipart/form-data body, in order, files as bytes. */
export async function formFields(req: SeenRequest): Promise<[string, string | Buffer][]> {
  const form = await new Response(new Uint8Array(req.body), {
    headers: { "content-type": String(req.headers["content-type"]) },
  }).formData();
  const out: [string, string | Buffer][] = [];
  for (const [name, value] of form.entries()) {
    out.push([name, typeof value === "string" ? value : Buffer.from(await value.arrayBuffer())]);
  }
  return out;
}
