import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { fixtureClient } from "./fixture-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => sendJson(res, 200, req.method === "GET" ? [] : {}));
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

/** The query of the last request, decoded. */
function lastQuery(): URLSearchParams {
  return new URL(server.requests.at(-1)!.url, server.url).searchParams;
}

function lastBody(): unknown {
  return JSON.parse(server.requests.at(-1)!.body);
}

describe("path parameters", () => {
  it("are positional, in the spec's order (here path order), and percent-encoded in the request line", async () => {
    await fixtureClient(server).tables.get_columns_column_id(7, 8, "a/b c?d#e");
    expect(server.requests[0]!.url).toBe("/tables/7/columns/8/a%2Fb%20c%3Fd%23e");
  });

  it("fill a path-level parameter too", async () => {
    await fixtureClient(server).imports.list_files(42);
    expect(server.requests[0]!.url).toBe("/imports/42/files");
  });
});

describe("query parameters", () => {
  it("send arrays as name[]=a&name[]=b", async () => {
    await fixtureClient(server).workflows.list({ tags: ["a", "b c"] });
    expect(lastQuery().getAll("tags[]")).toEqual(["a", "b c"]);
    expect([...lastQuery().keys()]).toEqual(["tags[]", "tags[]"]);
  });

  it("send booleans as true and false", async () => {
    const client = fixtureClient(server);
    await client.workflows.list({ hidden: true });
    expect(lastQuery().get("hidden")).toBe("true");
    await client.workflows.list({ hidden: false });
    expect(lastQuery().get("hidden")).toBe("false");
  });

  it("leave undefined values out", async () => {
    await fixtureClient(server).workflows.list({ limit: undefined, page_num: 2, tags: undefined });
    expect(server.requests[0]!.url).toBe("/workflows?page_num=2");
  });

  it("send nothing after the path when none is given", async () => {
    await fixtureClient(server).workflows.list();
    expect(server.requests[0]!.url).toBe("/workflows");
  });
});

describe("body parameters", () => {
  it("map snake_case names to the spec's, nested keys included", async () => {
    await fixtureClient(server).workflows.patch(1, {
      name: "x",
      instance_configs: [{ instance_type: "m5.large", min_instances: 1 }],
      schedule: { scheduled_days: [1, 3] },
    });
    expect(server.requests[0]).toMatchObject({ method: "PATCH", url: "/workflows/1" });
    expect(lastBody()).toEqual({
      name: "x",
      instanceConfigs: [{ instanceType: "m5.large", minInstances: 1 }],
      schedule: { scheduledDays: [1, 3] },
    });
  });

  it("accept the spec's own spellings as well", async () => {
    await fixtureClient(server).workflows.patch(1, {
      instanceConfigs: [{ instanceType: "m5.large", minInstances: 1 }],
      schedule: { scheduledDays: [0] },
    });
    expect(lastBody()).toEqual({
      instanceConfigs: [{ instanceType: "m5.large", minInstances: 1 }],
      schedule: { scheduledDays: [0] },
    });
  });

  it("leave the keys of a free-form object such as arguments as given", async () => {
    await fixtureClient(server).workflows.post_executions(1, {
      target_task: "load",
      arguments: { my_arg: 1, camelArg: { nested_key: true, innerCamel: "v" } },
    });
    expect(lastBody()).toEqual({
      targetTask: "load",
      arguments: { my_arg: 1, camelArg: { nested_key: true, innerCamel: "v" } },
    });
  });

  it("map a required body parameter given by either spelling", async () => {
    const client = fixtureClient(server);
    await client.imports.post_files(5, { file_name: "a.csv", size_bytes: 10 });
    await client.imports.post_files(5, { fileName: "b.csv" });
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { fileName: "a.csv", sizeBytes: 10 },
      { fileName: "b.csv" },
    ]);
  });
});

describe("bad arguments are refused before any request", () => {
  const cases: [string, (client: ReturnType<typeof fixtureClient>) => Promise<unknown>, RegExp][] =
    [
      ["a missing path parameter", (c) => c.workflows.get(), /missing the path parameter "id"/],
      [
        "a params object in place of a path parameter",
        (c) => c.workflows.get_executions(1, { limit: 1 }),
        /missing the path parameter "execution_id"/,
      ],
      [
        "a path parameter of ..",
        (c) => c.tables.get_columns_column_id(1, 2, ".."),
        /"\." or "\.\."/,
      ],
      ["an encoded ..", (c) => c.tables.get_columns_column_id(1, 2, "%2e%2E"), /"\." or "\.\."/],
      [
        "an unknown parameter, listing the accepted ones",
        (c) => c.workflows.list({ colour: "red" }),
        /unknown parameter "colour"; accepted: limit, page_num, hidden, tags/,
      ],
      [
        "a missing required query parameter",
        (c) => c.git_repos.list_ref_names(1),
        /missing required parameter\(s\) "kind"/,
      ],
      [
        "a missing required body parameter",
        (c) => c.imports.post_files(1, { size_bytes: 3 }),
        /missing required parameter\(s\) "file_name"/,
      ],
      [
        "both spellings of one parameter",
        (c) => c.imports.post_files(1, { file_name: "a", fileName: "b" }),
        /given twice/,
      ],
      [
        "too many arguments",
        (c) => c.users.list_me({}, {}, {}),
        /too many arguments \(3\); call it as users.list_me\(params\?, init\?\)/,
      ],
      [
        "an unknown init option",
        (c) => c.users.list_me({}, { retry: 3 }),
        /unknown init option "retry"/,
      ],
    ];

  it.each(cases)("%s", async (_label, call, message) => {
    const error = await call(fixtureClient(server)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });
});
