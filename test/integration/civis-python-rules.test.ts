import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { helpText } from "../../src/help/help.js";
import {
  APIClient,
  type CivisResource,
  describeClient,
  describeMethod,
  help,
} from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { API_KEY } from "./fixture-client.js";

type RulesApi = Readonly<
  Record<"aliases" | "tables" | "users" | "credentials" | "jobs", CivisResource>
>;

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => sendJson(res, req.method === "DELETE" ? 204 : 200, {}));
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

function client(): APIClient<RulesApi> {
  return new APIClient<RulesApi>({
    localApiSpec: loadFixture("civis-python-rules"),
    apiKey: API_KEY,
    baseUrl: server.url,
    retries: false,
  });
}

describe("civis-python's argument order", () => {
  it("takes path parameters in the order the spec lists them, not path order", async () => {
    // civis-python: tables.get_enhancements_geocodings(id, source_table_id).
    await client().tables.get_enhancements_geocodings(1, 2);
    expect(server.requests[0]!.url).toBe("/tables/2/enhancements/geocodings/1");
  });

  it("puts path-level parameters first", async () => {
    await client().tables.delete_parts(5, 9);
    expect(server.requests[0]!.method).toBe("DELETE");
    expect(server.requests[0]!.url).toBe("/tables/9/parts/5");
  });

  it("shows that order in errors, help() and describeMethod", async () => {
    const c = client();
    await expect(c.tables.get_enhancements_geocodings(1)).rejects.toThrow(
      'tables.get_enhancements_geocodings(): missing the path parameter "source_table_id"; call it as tables.get_enhancements_geocodings(id, source_table_id, params?, init?)',
    );
    expect(server.requests).toHaveLength(0);
    const doc = describeMethod(c.tables.get_enhancements_geocodings);
    expect(doc.pathParams).toEqual(["id", "source_table_id"]);
    expect(doc.params.slice(0, 2).map((p) => p.name)).toEqual(["id", "source_table_id"]);
    expect(c.tables.get_enhancements_geocodings.doc).toMatch(
      /Parameters\n----------\nid : integer\n[\s\S]*\nsource_table_id : integer\n/,
    );
    const listing = helpText(c.tables);
    expect(listing).toContain("get_enhancements_geocodings(id, source_table_id, params?)");
    expect(listing).toContain("delete_parts(part_id, id, params?)");
  });
});

describe("civis-python's names", () => {
  it("names a parameter segment after another by the earlier parameter", async () => {
    const c = client();
    await c.aliases.get_object_type("report", "x");
    expect(server.requests[0]!.url).toBe("/aliases/report/x");
    expect(c.aliases.get_alias).toBeUndefined();
  });

  it("makes get_* an alias of a static GET that answers an object: same function, same doc", async () => {
    const c = client();
    expect(c.users.get_me).toBe(c.users.list_me);
    expect(c.users.get_me.doc).toBe(c.users.list_me.doc);
    expect(describeMethod(c.users.get_me).aliases).toEqual(["get_me"]);
    await c.users.get_me();
    expect(server.requests[0]!.url).toBe("/users/me");
  });

  it("makes no alias for a list answer, or where another operation holds the name", () => {
    const c = client();
    expect(c.users.get_keys).toBeUndefined();
    expect(c.users.get_tokens).not.toBe(c.users.list_tokens);
    expect(c.users.get_tokens.doc).toContain("GET /users/{id}/tokens/{token_id}");
    expect(c.credentials.get_types).toBeUndefined();
    expect(c.jobs.get_children).toBeUndefined();
  });

  it("lists an alias in the same help() entry as its method, once", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const text = help(client().users);
      expect(text).toContain("Civis API /users resource: 4 methods");
      expect(text).toMatch(/^list_me, get_me\(params\?\) +Show info about the logged-in user$/m);
      expect(text.match(/get_me/g)).toHaveLength(1);
    } finally {
      log.mockRestore();
    }
  });

  it("says ListResponse for civis-python's list paths, whatever their spec says", () => {
    const c = client();
    expect(describeMethod(c.credentials.list_types).returns.type).toBe("ListResponse");
    expect(describeMethod(c.jobs.list_children).returns.type).toBe("ListResponse");
    expect(c.jobs.list_children.doc).toContain("Returns\n-------\nListResponse\n");
    expect(describeMethod(c.users.list_me).returns.type).toBe("Response");
  });

  it("gives describeClient each method once, with its aliases", () => {
    const ops = describeClient(client()).operations.filter((op) => op.resource === "users");
    expect(ops.map((op) => [op.name, op.aliases])).toEqual([
      ["list_me", ["get_me"]],
      ["list_keys", []],
      ["list_tokens", []],
      ["get_tokens", []],
    ]);
  });
});
