import { expect, it } from "vitest";
import { queryCivis } from "../../src/io/query-civis.js";

it("a spec without queries.get: a TypeError before the query is posted", () => {
  const calls: string[] = [];
  const client = {
    get_database_id: async () => {
      calls.push("get_database_id");
      return 1;
    },
    queries: {
      post: async () => {
        calls.push("queries.post");
        return { id: 3 };
      },
    },
  };
  expect(() => queryCivis(client, "select 1", "redshift-general", { credentialId: 2 })).toThrow(
    "civis/io needs client.queries.get, which this client's API spec lacks",
  );
  // The query was started (the database looked up, then posted) before the getter was missing.
  expect(calls).toEqual([]);
});
