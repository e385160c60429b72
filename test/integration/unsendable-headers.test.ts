import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APIClient, type CivisResource } from "../../src/index.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

// Issue 11, class 3: a header fetch would refuse is the caller's mistake, found before
// any request, never retried as a lost connection, and its value never repeated.

const SPEC = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/things": {
      get: {
        parameters: [{ name: "X-Tenant", in: "header", schema: { type: "string" } }],
        responses: { "200": { description: "ok" } },
      },
    },
    "/search": {
      get: {
        requestBody: {
          content: {
            "application/json": {
              schema: { type: "object", properties: { q: { type: "string" } } },
            },
          },
        },
        responses: { "200": { description: "ok" } },
      },
    },
  },
};
const SECRET_VALUE = "naïve-ś-value";

let server: TestServer;
const savedJobId = process.env.CIVIS_JOB_ID;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  if (savedJobId === undefined) delete process.env.CIVIS_JOB_ID;
  else process.env.CIVIS_JOB_ID = savedJobId;
});

/** Default retries: a mistaken retry would take seconds and show in the request count. */
function client(extra: object = {}) {
  return new APIClient<{ things: CivisResource; search: CivisResource }>({
    localApiSpec: SPEC,
    apiKey: "hdr-key-8Wm3",
    baseUrl: server.url,
    ...extra,
  });
}

async function refusal(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a refusal");
}

describe("header values outside Latin-1, control characters, bad names", () => {
  it.each([
    [
      "init.headers value",
      () => client().things.list({}, { headers: { "X-Note": SECRET_VALUE } }),
      /"X-Note"/,
    ],
    ["header parameter", () => client().things.list({ x_tenant: SECRET_VALUE }), /"X-Tenant"/],
    [
      "control character",
      () => client().things.list({}, { headers: { "X-Note": "a\u0007b" } }),
      /"X-Note"/,
    ],
    [
      "header name",
      () => client().things.list({}, { headers: { "X Bad": "v" } }),
      /"X Bad" is not a valid header name/,
    ],
    ["userAgent", () => client({ userAgent: `civis-j${SECRET_VALUE}` }), /userAgent/],
    [
      "CIVIS_JOB_ID",
      () => {
        process.env.CIVIS_JOB_ID = SECRET_VALUE;
        return client();
      },
      /CIVIS_JOB_ID/,
    ],
  ])(
    "refuses a %s with a TypeError naming the header, before any request",
    async (_, run, names) => {
      const error = await refusal(run);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(names);
      expect(error.message).not.toContain(SECRET_VALUE);
      expect(server.requests).toHaveLength(0);
    },
  );

  it("refuses create({ userAgent }) at once instead of retrying the spec download", async () => {
    const error = await refusal(() =>
      APIClient.create({
        apiKey: "hdr-key-8Wm3",
        baseUrl: server.url,
        userAgent: "civis-jś",
        specCache: false,
      }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/userAgent contains a control character or one outside Latin-1/);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a header an onRequest hook sets, before the request, without retrying", async () => {
    const error = await refusal(() =>
      client({
        hooks: {
          onRequest: (context: { request: { headers: Record<string, string> } }) => {
            context.request.headers["X-Hooked"] = SECRET_VALUE;
          },
        },
      }).things.list(),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/onRequest: the header "X-Hooked"/);
    expect(error.message).not.toContain(SECRET_VALUE);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a GET with a body (fetch cannot send one) instead of retrying it", async () => {
    const error = await refusal(() => client().search.list({ q: "x" }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe("search.list(): a GET request cannot carry a body");
    expect(server.requests).toHaveLength(0);
  });

  it("still sends Latin-1 values and keys outside it (the key goes as Base64)", async () => {
    await client().things.list({ x_tenant: "café" });
    await new APIClient<{ things: CivisResource }>({
      localApiSpec: SPEC,
      apiKey: "clé-ś-8Wm3",
      baseUrl: server.url,
    }).things.list();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.headers["x-tenant"]).toBe(
      Buffer.from("café", "latin1").toString("latin1"),
    );
  });
});
