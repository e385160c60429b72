import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient, type CivisResource, help, SpecError } from "../../src/index.js";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

// Issue 11, class 8: a malformed spec is a SpecError naming where, from every door:
// building the client, help, a call, and typegen. Never a raw TypeError.

const ok = { "200": { description: "ok" } };

// biome-ignore lint/suspicious/noExplicitAny: each case breaks a different part of the spec.
type Spec = Record<string, any>;

/** A Swagger 2.0 spec with one `/things/{id}` GET, changed by `patch`. */
function spec(patch: (s: Spec) => void): Record<string, unknown> {
  const s: Spec = {
    swagger: "2.0",
    info: { title: "t", version: "1" },
    host: "127.0.0.1:1",
    schemes: ["http"],
    paths: {
      "/things/{id}": {
        get: {
          parameters: [{ name: "id", in: "path", required: true, type: "integer" }],
          responses: ok,
        },
        post: {
          parameters: [
            { name: "id", in: "path", required: true, type: "integer" },
            {
              name: "body",
              in: "body",
              schema: { type: "object", properties: { name: { type: "string" } } },
            },
          ],
          responses: ok,
        },
      },
    },
  };
  patch(s);
  return s;
}
const get = (s: Spec) => s.paths["/things/{id}"].get;
const post = (s: Spec) => s.paths["/things/{id}"].post;

/** Malformed where the client must read it: a SpecError naming where, from every door that reads it. */
const MALFORMED: readonly [string, Record<string, unknown>, RegExp][] = [
  [
    "schemes: {}",
    spec((s) => {
      s.schemes = {};
    }),
    /"schemes" must be an array/,
  ],
  [
    "parameters: {}",
    spec((s) => {
      get(s).parameters = {};
    }),
    /"parameters" of GET \/things\/\{id\} must be an array/,
  ],
  [
    "parameters: [null]",
    spec((s) => {
      get(s).parameters = [null];
    }),
    /a parameter of GET \/things\/\{id\} is not an object/,
  ],
  [
    "path-level parameters: 5",
    spec((s) => {
      s.paths["/things/{id}"].parameters = 5;
    }),
    /"parameters" of the path \/things\/\{id\} must be an array/,
  ],
  [
    "a $ref with a bad escape",
    spec((s) => {
      get(s).responses = { "200": { $ref: "#/x%E0" } };
    }),
    /GET \/things\/\{id\}/,
  ],
  [
    "a path item that is a list",
    spec((s) => {
      s.paths["/things/{id}"] = [];
    }),
    /\/things\/\{id\}/,
  ],
];

/** Malformed where nothing depends on it: read as absent, by every door alike. */
const TOLERATED: readonly [string, Record<string, unknown>][] = [
  [
    "responses: 5",
    spec((s) => {
      get(s).responses = 5;
    }),
  ],
  [
    "responses: { 200: null }",
    spec((s) => {
      get(s).responses = { "200": null };
    }),
  ],
  [
    "allOf: {}",
    spec((s) => {
      post(s).parameters[1].schema = { allOf: {} };
    }),
  ],
  [
    "allOf: [null, 3]",
    spec((s) => {
      post(s).parameters[1].schema = { allOf: [null, 3], properties: { name: {} } };
    }),
  ],
  [
    "properties: 5",
    spec((s) => {
      post(s).parameters[1].schema = { type: "object", properties: 5 };
    }),
  ],
  [
    "enum: 5, oneOf: {}",
    spec((s) => {
      post(s).parameters[1].schema.properties.name = { enum: 5, oneOf: {} };
    }),
  ],
  [
    "servers: {}, info: 5",
    spec((s) => {
      s.servers = {};
      s.info = 5;
    }),
  ],
];

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, {}));
});
afterAll(() => server.close());

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

async function rejected(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectSpecError(error: unknown, where: RegExp): void {
  expect(error, "a SpecError").toBeInstanceOf(SpecError);
  expect((error as Error).message).toMatch(where);
}

describe.each(MALFORMED)("a spec with %s", (_, malformed, where) => {
  const build = () =>
    new APIClient<{ things: CivisResource }>({
      localApiSpec: structuredClone(malformed),
      apiKey: "malformed-key",
      baseUrl: server.url,
      retries: false,
    });

  it("is a SpecError naming where, from the client, help, a call and typegen", async () => {
    // The client is built lazily: the error comes from the first use that reads the part.
    const fromClient = thrown(() => {
      const client = build();
      help(client.things);
      help(client.things.get);
      help(client.things.post);
    });
    expectSpecError(fromClient, where);
    const fromCall = await rejected(async () => {
      const client = build();
      await client.things.get(1);
      await client.things.post(1, { name: "x" });
    });
    expectSpecError(fromCall, where);
    expectSpecError(
      thrown(() => generateTypes(structuredClone(malformed))),
      where,
    );
    expect(server.requests.length).toBe(0);
  });
});

describe.each(TOLERATED)("a spec with %s", (_, malformed) => {
  it("works the same from the client, help, a call and typegen", async () => {
    const client = new APIClient<{ things: CivisResource }>({
      localApiSpec: structuredClone(malformed),
      apiKey: "malformed-key",
      baseUrl: server.url,
      retries: false,
    });
    expect(typeof help(client.things.get)).toBe("string");
    expect(typeof help(client.things.post)).toBe("string");
    await client.things.get(1);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(generateTypes(structuredClone(malformed)).operations).toBe(2);
  });
});
