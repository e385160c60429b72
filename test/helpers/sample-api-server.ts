import { createServer } from "node:http";
import {
  createSampleApi,
  type SampleApi,
  type SampleApiOptions,
} from "../../src/testing/sample-api/create-sample-api.js";
import { listenOnLoopback } from "./listen.js";

export interface SampleApiServer {
  /** `http://127.0.0.1:<port>/` plus the API's base path. */
  readonly url: string;
  readonly api: SampleApi;
  close(): Promise<void>;
}

/** The sample Civis-like API (fresh seed data, key `demo-key` unless given) on 127.0.0.1, port 0. */
export async function startSampleApiServer(
  options: SampleApiOptions = {},
): Promise<SampleApiServer> {
  const api = createSampleApi(options);
  const server = createServer(async (req, res) => {
    try {
      if (await api.handle(req, res)) return;
      res.writeHead(404, {
        "Content-Type": "application/json",
        "Access-Control-Allow-Origin": "*",
      });
      res.end(JSON.stringify({ error: "not_found", errorDescription: "Not found", code: 404 }));
    } catch {
      // A client that hung up mid-body: nobody is left to answer.
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  const listening = await listenOnLoopback(server);
  return {
    url: `${listening.url.replace(/\/$/, "")}${api.basePath}/`,
    api,
    close: () => listening.close(),
  };
}
