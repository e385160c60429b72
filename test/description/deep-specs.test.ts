import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APIClient, type CivisResource, help } from "../../src/index.js";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";

// Issue 11, class 7: specs nested 10,000 levels deep (allOf chains, properties, items)
// work in help, calls and typegen, without overflowing the call stack.

const DEPTH = 10_000;
type Schema = Record<string, unknown>;

/** A schema nested DEPTH levels by `wrap`, built with a loop. */
function nested(wrap: (inner: Schema, level: number) => Schema): Schema {
  let schema: Schema = { type: "string" };
  for (let level = DEPTH; level > 0; level--) schema = wrap(schema, level);
  return schema;
}

function specWith(body: Schema, definitions: Record<string, Schema> = {}) {
  return {
    swagger: "2.0",
    info: { title: "deep", version: "1" },
    definitions,
    paths: {
      "/things": {
        post: {
          parameters: [{ name: "body", in: "body", schema: body }],
          responses: { "200": { description: "ok", schema: body } },
        },
      },
    },
  };
}

/** `D1` is `allOf: [D2]` plus its own property `field1`, down to `D{DEPTH}`. */
function namedAllOfChain() {
  const definitions: Record<string, Schema> = {};
  for (let i = 1; i <= DEPTH; i++) {
    definitions[`D${i}`] = {
      type: "object",
      properties: { [`field${i}`]: { type: "string" } },
      ...(i < DEPTH ? { allOf: [{ $ref: `#/definitions/D${i + 1}` }] } : {}),
    };
  }
  return specWith({ $ref: "#/definitions/D1" }, definitions);
}

const SPECS: readonly [string, () => object][] = [
  ["a named allOf chain", namedAllOfChain],
  [
    "an inline allOf chain",
    () =>
      specWith(
        nested((inner, i) => ({ allOf: [inner], properties: { [`f${i}`]: { type: "string" } } })),
      ),
  ],
  [
    "an inline properties chain",
    () =>
      specWith(
        nested((inner) => ({
          type: "object",
          properties: { child: inner, name: { type: "string" } },
        })),
      ),
  ],
  [
    "an inline items chain",
    () =>
      specWith({
        type: "object",
        properties: { grid: nested((inner) => ({ type: "array", items: inner })) },
      }),
  ],
];

// A server per test: after a slow test, a kept-alive connection may have been closed.
let server: TestServer;
beforeEach(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
});
afterEach(() => server.close());

describe.each(SPECS)(`a spec with %s ${DEPTH} levels deep`, (label, make) => {
  it("gives help, takes a call, and makes types", async () => {
    const client = new APIClient<{ things: CivisResource }>({
      localApiSpec: make(),
      apiKey: "deep-spec-key",
      baseUrl: server.url,
      retries: false,
    });
    const text = help(client.things.post);
    expect(text).toMatch(/^API URL: POST \/things/m);
    if (label.includes("allOf")) expect(text).toMatch(/field1|f1 /);

    // A body nested deep (JSON.stringify itself stops near 4,000 levels).
    let body: Record<string, unknown> = { name: "leaf" };
    for (let i = 0; i < 2_000; i++) body = { child: body, name: `n${i}` };
    await client.things.post(label.includes("properties") ? body : {});
    expect(server.requests.length).toBeGreaterThan(0);

    const types = generateTypes(make());
    expect(types.operations).toBe(1);
    expect(types.text).toMatch(/readonly post:/);
    // 10,000 definitions make a 10,000-field help text and as many declarations: seconds
    // on a busy machine, so a generous limit (the point is that it ends, not how fast).
  }, 30_000);
});
