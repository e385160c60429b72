import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { help } from "../../src/help/help.js";
import { loadFixture } from "../helpers/fixtures.js";

const API_KEY = "hOsTiLe-KeY-31415";
const API_KEY_BASE64 = Buffer.from(`${API_KEY}:`).toString("base64");

/** What a prototype looks like: its own names and their values. */
function snapshot(proto: object): [string | symbol, unknown][] {
  return Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)]);
}

function build() {
  return new APIClient({ localApiSpec: loadFixture("hostile-names"), apiKey: API_KEY });
}

let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  log.mockRestore();
});

describe("a spec with hostile names", () => {
  it("builds, and every resource and method can be used, without touching any prototype", () => {
    const protos = [Object.prototype, Function.prototype, Array.prototype, APIClient.prototype];
    const before = protos.map(snapshot);
    const client = build();
    for (const name of Object.keys(client)) {
      const resource = client[name]!;
      for (const method of Object.keys(resource)) expect(resource[method].doc).toContain("API URL");
    }
    help(client);
    expect(protos.map(snapshot)).toEqual(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("reaches reserved resources under a trailing `_`", () => {
    const client = build();
    expect(Object.keys(client)).toEqual([
      "__proto___",
      "constructor_",
      "prototype_",
      "then_",
      "tostring",
      "hasownproperty",
      "a_b",
    ]);
    expect(client.__proto___!.get.doc).toContain("API URL: GET /__proto__/{id}");
    expect(client.constructor_!.list.doc).toContain("API URL: GET /constructor");
    expect(client.prototype_!.get.doc).toContain("API URL: GET /prototype/{id}");
    expect(client.then_!.list.doc).toContain("API URL: GET /then");
    expect(client.tostring!.get.doc).toContain("API URL: GET /toString/{id}");
    expect(client.hasownproperty!.list.doc).toContain("API URL: GET /hasOwnProperty");
  });

  it("keeps the client's own members working", () => {
    const client = build();
    expect(Object.getPrototypeOf(client)).toBe(APIClient.prototype);
    expect(client.constructor).toBe(APIClient);
    expect(String(client)).toBe("[object APIClient]");
    expect(Object.hasOwn(client, "__proto__")).toBe(false);
    expect(client.last_response).toBeUndefined();
  });

  it("is not thenable: `await client` gives the client", async () => {
    const client = build();
    expect(typeof (client as { then?: unknown }).then).not.toBe("function");
    expect(await client).toBe(client);
    expect(await Promise.resolve(client)).toBe(client);
  });

  it("keeps both operations that map to one name reachable", () => {
    const client = build();
    expect(Object.keys(client.a_b!)).toEqual(["list_items", "list_items_2"]);
    expect(client.a_b!.list_items.doc).toContain("API URL: GET /a-b/items");
    expect(client.a_b!.list_items_2.doc).toContain("API URL: GET /a_b/items");
  });

  it("documents data fields named like members as data", () => {
    const doc: string = build().then_!.get.doc;
    for (const field of ["__proto__", "constructor", "then", "headers", "get", "json"]) {
      expect(doc).toContain(`    - ${field} : string`);
    }
  });

  it("keeps resources read-only", () => {
    const client = build();
    const resource = client.a_b!;
    expect(() => {
      (client as unknown as Record<string, unknown>).a_b = {};
    }).toThrow(TypeError);
    expect(() => {
      (resource as Record<string, unknown>).list_items = () => undefined;
    }).toThrow(TypeError);
    expect(client.a_b).toBe(resource);
  });
});

describe("the API key never shows", () => {
  it("in util.inspect, JSON.stringify or help()", () => {
    const client = build();
    const texts = [
      inspect(client, { showHidden: true, depth: 8, getters: true }),
      JSON.stringify(client),
      inspect(client.a_b, { showHidden: true, depth: 8 }),
      help(client),
      help(client.a_b),
      help(client.a_b!.list_items),
      String(client),
    ];
    // After building every resource, too.
    for (const name of Object.keys(client)) texts.push(inspect(client[name], { showHidden: true }));
    texts.push(inspect(client, { showHidden: true, depth: 8 }), JSON.stringify(client));
    for (const text of texts) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(API_KEY_BASE64);
    }
  });
});
