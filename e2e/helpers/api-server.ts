import { Buffer } from "node:buffer";
import { createServer } from "node:http";
import {
  createSampleApi as createApi,
  type SampleApi,
} from "../../src/testing/sample-api/create-sample-api.js";
import { listenOnLoopback } from "../../test/helpers/listen.js";

/** A fresh in-memory sample API (seed data, zero counts) that accepts `apiKey`. */
export async function createSampleApi(apiKey = "demo-key"): Promise<SampleApi> {
  return createApi({ apiKey });
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
