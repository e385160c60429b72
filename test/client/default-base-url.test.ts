import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMemorySpecCache } from "../../src/cache/spec-cache.js";
import { APIClient, describeClient } from "../../src/index.js";

const DEFAULT = "https://api.civisanalytics.com/";
const noServer = {
  swagger: "2.0",
  info: { title: "t", version: "1" },
  paths: { "/a": { get: {} } },
};
let saved: string | undefined;

beforeEach(() => {
  saved = process.env.CIVIS_API_ENDPOINT;
  delete process.env.CIVIS_API_ENDPOINT;
  clearMemorySpecCache();
});
afterEach(() => {
  if (saved === undefined) delete process.env.CIVIS_API_ENDPOINT;
  else process.env.CIVIS_API_ENDPOINT = saved;
});

describe("the default base URL", () => {
  it("is the Civis API for a local spec that names no server", () => {
    const client = new APIClient({ localApiSpec: noServer, apiKey: "k" });
    expect(describeClient(client).baseUrl).toBe(DEFAULT);
  });

  it("is where create() downloads the spec when nothing else names one", async () => {
    // A recording fetch: this checks the URL the client builds, no request leaves the machine.
    const urls: string[] = [];
    const recording: typeof fetch = async (input) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify(noServer), {
        headers: { "Content-Type": "application/json" },
      });
    };
    const client = await APIClient.create({ apiKey: "k", fetch: recording, specCache: false });
    expect(urls).toEqual([`${DEFAULT}endpoints`]);
    expect(describeClient(client).baseUrl).toBe(DEFAULT);
  });
});
