import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/http-server.js";
import { jobsClient, paths } from "../jobs/helpers/jobs-client.js";
import { type Answer, routes } from "../jobs/helpers/routes.js";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());

const DATABASES = [
  { id: 1, name: "redshift-general", adapter: "redshift" },
  { id: 2, name: "redshift-dev", adapter: "redshift" },
  { id: 3, name: "postgres-analytics", adapter: "postgres" },
];

describe("the client helpers", () => {
  it("get_database_id finds a database by name, once per client, and returns a number as is", async () => {
    server.handle(routes({ "GET /databases": () => ({ body: DATABASES }) }));
    const client = jobsClient(server);
    expect(await client.get_database_id("redshift-dev")).toBe(2);
    expect(await client.get_database_id("redshift-dev")).toBe(2);
    expect(await client.get_database_id(42)).toBe(42);
    expect(paths(server)).toEqual(["GET /databases"]);
    // Another client asks again: the memo is per client.
    expect(await jobsClient(server).get_database_id("redshift-dev")).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it("shares one request between two calls at once", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.handle(
      routes({
        "GET /databases": async (): Promise<Answer> => {
          await gate;
          return { body: DATABASES };
        },
      }),
    );
    const client = jobsClient(server);
    const both = Promise.all([
      client.get_database_id("redshift-general"),
      client.get_database_id("redshift-general"),
    ]);
    while (server.requests.length < 1) await new Promise((r) => setImmediate(r));
    release();
    expect(await both).toEqual([1, 1]);
    expect(server.requests).toHaveLength(1);
  });

  it("names what was not found and lists the closest names; a failure is not remembered", async () => {
    let databases = DATABASES;
    server.handle(routes({ "GET /databases": () => ({ body: databases }) }));
    const client = jobsClient(server);
    await expect(client.get_database_id("redshift-genral")).rejects.toThrow(
      'Database "redshift-genral" not found; closest names: redshift-general, redshift-dev, postgres-analytics',
    );
    databases = [...DATABASES, { id: 9, name: "redshift-genral", adapter: "redshift" }];
    expect(await client.get_database_id("redshift-genral")).toBe(9);
    expect(server.requests).toHaveLength(2);
  });

  it("refuses a database, host or credential that is neither a name nor an id, before any request", async () => {
    const client = jobsClient(server);
    for (const bad of [undefined, null, "", Number.NaN]) {
      // @ts-expect-error neither a name nor an id
      await expect(client.get_database_id(bad)).rejects.toThrow(
        new TypeError(`Database must be a name or an id, not ${String(bad)}`),
      );
    }
    // @ts-expect-error no database
    await expect(client.get_table_id("schema.table")).rejects.toThrow(
      "Database must be a name or an id, not undefined",
    );
    // @ts-expect-error neither a name nor an id
    await expect(client.get_storage_host_id({})).rejects.toThrow(/^Storage host must be a name/);
    // @ts-expect-error neither a name nor an id
    await expect(client.get_aws_credential_id(null)).rejects.toThrow(
      "AWS credential must be a name or an id, not null",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("says the API returned none when the list is empty", async () => {
    server.handle(routes({ "GET /storage_hosts": () => ({ body: [] }) }));
    await expect(jobsClient(server).get_storage_host_id("my-host")).rejects.toThrow(
      'Storage host "my-host" not found; closest names: none',
    );
  });

  it("get_storage_host_id finds a storage host by name", async () => {
    server.handle(
      routes({
        "GET /storage_hosts": () => ({
          body: [{ id: 5, name: "my-host", provider: "s3", bucket: "b" }],
        }),
      }),
    );
    const client = jobsClient(server);
    expect(await client.get_storage_host_id("my-host")).toBe(5);
    expect(await client.get_storage_host_id(6)).toBe(6);
  });

  it("get_table_id looks up the database, then the table by schema and name", async () => {
    server.handle(
      routes({
        "GET /databases": () => ({ body: DATABASES }),
        "GET /tables": (_req, url) => ({
          body:
            url.searchParams.get("name") === "bar"
              ? [{ id: 77, databaseId: 1, schema: "foo", name: "bar" }]
              : [],
        }),
      }),
    );
    const client = jobsClient(server);
    expect(await client.get_table_id("foo.bar", "redshift-general")).toBe(77);
    expect(paths(server)).toEqual([
      "GET /databases",
      "GET /tables?database_id=1&schema=foo&name=bar",
    ]);
  });

  it("keeps each lookup's memo apart: the same arguments to another helper ask the API again", async () => {
    server.handle(
      routes({
        "GET /databases": () => ({ body: DATABASES }),
        "GET /credentials": () => ({
          body: [{ id: 9, name: "shared", type: "Amazon Web Services S3", owner: "redshift-dev" }],
        }),
        "GET /tables": (_req, url) => ({
          body:
            url.searchParams.get("name") === "shared"
              ? [{ id: 77, databaseId: 2, schema: null, name: "shared" }]
              : [],
        }),
      }),
    );
    const client = jobsClient(server);
    // The same two strings, read by civis-python as a credential and its owner, then as a
    // table and its database: each is its own question.
    expect(await client.get_aws_credential_id("shared", "redshift-dev")).toBe(9);
    expect(await client.get_table_id("shared", "redshift-dev")).toBe(77);
    expect(await client.get_database_id("redshift-dev")).toBe(2);
    await expect(client.get_aws_credential_id("Database", "redshift-dev")).rejects.toThrow(
      'AWS credential "Database" of redshift-dev not found',
    );
  });

  it("get_table_id reads quoted parts as civis-python does", async () => {
    server.handle(
      routes({
        "GET /tables": () => ({
          body: [{ id: 8, databaseId: 4, schema: "has.dots", name: 'q"t' }],
        }),
      }),
    );
    expect(await jobsClient(server).get_table_id('"has.dots"."q""t"', 4)).toBe(8);
    expect(server.requests[0]?.url).toBe("/tables?database_id=4&schema=has.dots&name=q%22t");
    await expect(jobsClient(server).get_table_id("a.b.c", 4)).rejects.toThrow(
      'Cannot split "a.b.c" into a schema and a table; expected "schema.table"',
    );
  });

  it("get_table_id refuses an empty part before any request, as civis/io does", async () => {
    // It once skipped empty parts: "a..b" was looked up as table b in schema a.
    for (const table of ["a..b", "schema."]) {
      await expect(jobsClient(server).get_table_id(table, 4)).rejects.toThrow(
        `Cannot split "${table}" into a schema and a table; expected "schema.table"`,
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it("get_table_id lists the schema's closest tables when none has that name", async () => {
    server.handle(
      routes({
        "GET /tables": (_req, url) => ({
          body: url.searchParams.has("name")
            ? []
            : [
                { id: 1, schema: "foo", name: "bars" },
                { id: 2, schema: "foo", name: "zzz" },
              ],
        }),
      }),
    );
    await expect(jobsClient(server).get_table_id("foo.bar", 4)).rejects.toThrow(
      'Table "foo.bar" in database 4 not found; closest names: foo.bars, foo.zzz',
    );
  });

  it("get_aws_credential_id finds by name, then by owner, then by the current user", async () => {
    const creds = [
      { id: 1, name: "shared", type: "Amazon Web Services S3", owner: "research" },
      { id: 2, name: "shared", type: "Amazon Web Services S3", owner: "jsmith" },
      { id: 3, name: "solo", type: "Amazon Web Services S3", owner: "research" },
      { id: 4, name: "twice", type: "Amazon Web Services S3", owner: "a" },
      { id: 5, name: "twice", type: "Amazon Web Services S3", owner: "b" },
    ];
    server.handle(
      routes({
        "GET /credentials": () => ({ body: creds }),
        "GET /users/me": () => ({ body: { id: 1, username: "jsmith", name: "J" } }),
      }),
    );
    const client = jobsClient(server);
    expect(await client.get_aws_credential_id("solo")).toBe(3);
    expect(await client.get_aws_credential_id("shared", "research")).toBe(1);
    expect(await client.get_aws_credential_id("shared")).toBe(2);
    expect(await client.get_aws_credential_id(11)).toBe(11);
    await expect(client.get_aws_credential_id("twice")).rejects.toThrow(
      'AWS credential "twice": 2 match; give the owner',
    );
    await expect(client.get_aws_credential_id("solo", "nobody")).rejects.toThrow(
      'AWS credential "solo" of nobody not found; closest names: solo, shared, twice',
    );
    expect(server.requests[0]?.url).toBe("/credentials?type=Amazon%20Web%20Services%20S3");
  });

  it("username and default_database_credential_id come from the API once", async () => {
    server.handle(
      routes({
        "GET /users/me": () => ({ body: { id: 1, username: "jsmith", name: "J" } }),
        "GET /credentials": () => ({
          body: [{ id: 12, name: "jsmith", type: "Database", default: true }],
        }),
      }),
    );
    const client = jobsClient(server);
    expect(await client.username).toBe("jsmith");
    expect(await client.username).toBe("jsmith");
    expect(await client.default_database_credential_id).toBe(12);
    expect(paths(server)).toEqual(["GET /users/me", "GET /credentials?default=true&type=Database"]);
  });

  it("says so when the user has no default database credential", async () => {
    server.handle(routes({ "GET /credentials": () => ({ body: [] }) }));
    await expect(jobsClient(server).default_database_credential_id).rejects.toThrow(
      "Default database credential not found",
    );
  });

  it("works the same with returnType json", async () => {
    server.handle(routes({ "GET /users/me": () => ({ body: { id: 1, username: "jsmith" } }) }));
    expect(await jobsClient(server, { returnType: "json" }).username).toBe("jsmith");
  });

  it("keeps the client unthenable and its resources listed as before", () => {
    const client = jobsClient(server);
    expect("then" in client).toBe(false);
    expect(Object.keys(client)).not.toContain("username");
  });
});
