import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { APIClient, type CivisResource, help } from "../../src/index.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

// A query whose spec names are camelCase: the fixtures' query names are already snake_case.
const SPEC = {
  swagger: "2.0",
  info: { title: "camelCase query names", version: "1" },
  paths: {
    "/runs": {
      get: {
        summary: "List runs",
        parameters: [
          { name: "createdBefore", in: "query", type: "string", description: "A date." },
          { name: "stateIn", in: "query", type: "array", items: { type: "string" } },
          { name: "orderBy", in: "query", type: "string", required: true },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
  },
};

type RunsApi = { readonly runs: CivisResource };

let server: TestServer;

beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, []));
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

function client(): APIClient<RunsApi> {
  return new APIClient<RunsApi>({
    localApiSpec: structuredClone(SPEC),
    apiKey: "k",
    baseUrl: server.url,
    retries: false,
  });
}

describe("query parameters go under the spec's names", () => {
  it("given by their snake_case names, as help() shows them", async () => {
    await client().runs.list({
      created_before: "2024-01-01",
      state_in: ["a", "b"],
      order_by: "id",
    });
    expect(server.requests[0]!.url).toBe(
      "/runs?createdBefore=2024-01-01&stateIn%5B%5D=a&stateIn%5B%5D=b&orderBy=id",
    );
  });

  it("given by the spec's own names", async () => {
    await client().runs.list({ createdBefore: "2024-01-01", stateIn: ["a"], orderBy: "id" });
    expect(server.requests[0]!.url).toBe(
      "/runs?createdBefore=2024-01-01&stateIn%5B%5D=a&orderBy=id",
    );
  });

  it("a missing required one is named, with the accepted snake_case names, as help() shows them", async () => {
    const quiet = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const c = client();
    const error = await c.runs.list({ created_before: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(
      /missing required parameter\(s\) "order_by"; accepted: order_by, created_before, state_in/,
    );
    expect(server.requests).toHaveLength(0);
    const doc = help(c.runs.list);
    expect(doc).toContain("created_before : string, optional");
    expect(doc).toContain("order_by : string\n");
    quiet.mockRestore();
  });
});
