// The "Testing kit" example of README.md, run as it is written there (imports aside).
import { expect, test } from "vitest";
import { APIClient, type CivisResource } from "../../src/index.js";
import { mockFetch, sampleApi } from "../../src/testing/index.js";

// The component under test: takes a client, renders a list of workflows.
type Api = { workflows: CivisResource }; // or the type `civis typegen` writes
async function workflowList(client: APIClient<Api>): Promise<string> {
  const workflows = await client.workflows.list({ limit: 5 });
  return workflows.map((w: { id: number; name: string }) => `#${w.id} ${w.name}`).join("\n");
}

test("lists the workflows the API returns", async () => {
  const { spec } = await sampleApi();
  const fetch = mockFetch(spec, {
    "workflows.list": ({ query }) => {
      expect(query.limit).toBe(5);
      return [
        { id: 1, name: "Nightly load" },
        { id: 2, name: "Weekly report" },
      ];
    },
  });
  const client = new APIClient<Api>({ localApiSpec: spec, fetch, apiKey: "test" });
  expect(await workflowList(client)).toBe("#1 Nightly load\n#2 Weekly report");
});

test("works against the whole sample API too", async () => {
  const { spec, fetch } = await sampleApi();
  const client = new APIClient<Api>({ localApiSpec: spec, fetch, apiKey: "test" });
  expect(await workflowList(client)).toMatch(/^#\d+ /);
});
