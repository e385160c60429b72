import { type SampleApiServer, startSampleApiServer } from "../../helpers/sample-api-server.js";

export type { SampleApiServer };

/** The sample Civis-like API on 127.0.0.1, port 0 (key `demo-key`), with fresh data. */
export function startSampleApi(): Promise<SampleApiServer> {
  return startSampleApiServer();
}
