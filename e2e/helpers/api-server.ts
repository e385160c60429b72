import { Buffer } from "node:buffer";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "../../test/helpers/listen.js";

/** The parts of demo/sample-api's `createSampleApi()` these tests use. */
export interface SampleApi {
  /** The Swagger 2.0 document served at `/endpoints`. */
  readonly spec: object;
  readonly apiKey: string;
  /** Requests seen, keyed by "METHOD /path" (no query). */
  readonly stats: Readonly<Record<string, number>>;
  /** Answers a request; resolves to false, untouched, when the path is not the API's. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

interface SampleApiModule {
  createSampleApi(options?: { apiKey?: string }): SampleApi;
}

// demo/ is plain JavaScript without declarations; a computed specifier keeps tsc from
// asking for them, and the interface above says what we rely on.
const HANDLERS = new URL("../../demo/sample-api/handlers.mjs", import.meta.url).href;

/** A fresh in-memory sample API (seed data, zero counts) that accepts `apiKey`. */
export async function createSampleApi(apiKey = "demo-key"): Promise<SampleApi> {
  const module = (await import(HANDLERS)) as SampleApiModule;
  return module.createSampleApi({ apiKey });
}

export interface ApiServer {
  /** `http://127.0.0.1:<port>/`: the client's `baseUrl`. */
  readonly url: string;
  /** One sample API per key, each with its own data and counts. */
  readonly apis: ReadonlyMap<string, SampleApi>;
  /** How many times the API of `apiKey` saw `route` ("GET /endpoints"). */
  count(apiKey: string, route: string): number;
  close(): Promise<void>;
}

function basicUser(authorization: string | undefined): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return undefined;
  return Buffer.from(match[1]!, "base64").toString("utf8").replace(/:$/, "");
}

/**
 * The sample API (CORS included) on 127.0.0.1, port 0. With several keys, each request
 * goes to the API of the key it carries, so a test can tell which key downloaded the
 * spec; a request without a known key goes to the first, which answers 401 (or a
 * preflight's 204).
 */
export async function startApiServer(
  apiKeys: readonly string[] = ["demo-key"],
): Promise<ApiServer> {
  const apis = new Map<string, SampleApi>();
  for (const key of apiKeys) apis.set(key, await createSampleApi(key));
  const first = apis.get(apiKeys[0]!)!;
  const server = createServer(async (req, res) => {
    const api = apis.get(basicUser(req.headers.authorization) ?? "") ?? first;
    try {
      if (await api.handle(req, res)) return;
    } catch {
      // A client that hung up mid-body: nobody is left to answer.
      if (res.headersSent) return void res.end();
    }
    res.writeHead(404, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" });
    res.end(JSON.stringify({ errorDescription: "Not found" }));
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    apis,
    count: (apiKey, route) => apis.get(apiKey)?.stats[route] ?? 0,
    async close() {
      await listening.close();
    },
  };
}
