import { describe, expect, it } from "vitest";
import { APIClient, CivisAPIError, Response } from "../../src/index.js";
import { SAMPLE_API_URL, sampleApi } from "../../src/testing/index.js";

describe("sampleApi()", () => {
  it("serves its spec at its own https: server, so a client built from the spec alone works", async () => {
    const { spec, fetch } = await sampleApi();
    expect(`${spec.schemes}://${spec.host}/`).toBe(SAMPLE_API_URL);
    const client = new APIClient({ localApiSpec: spec, fetch, apiKey: "anything" });
    const me = await client.users!.list_me!();
    expect(me).toBeInstanceOf(Response);
    expect(me.username).toBe("demo.user");
  });

  it("keeps its data per kit, and writes go through the spec's validation", async () => {
    const first = await sampleApi();
    const second = await sampleApi();
    const client = new APIClient({ localApiSpec: first.spec, fetch: first.fetch, apiKey: "k" });
    const created = await client.json_values!.post!({ value: { a: 1 }, name: "mine" });
    expect(first.api.data.jsonValues.get(created.id as number)?.name).toBe("mine");
    expect(second.api.data.jsonValues.has(created.id as number)).toBe(false);
    const error = await client.workflows!.post!({ name: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivisAPIError);
    expect((error as CivisAPIError).status_code).toBe(422);
  });

  it("checks the key when one is given", async () => {
    const { spec, fetch } = await sampleApi({ apiKey: "right" });
    const wrong = new APIClient({ localApiSpec: spec, fetch, apiKey: "wrong", retries: false });
    await expect(wrong.users!.list_me!()).rejects.toMatchObject({ status_code: 401 });
    const right = new APIClient({ localApiSpec: spec, fetch, apiKey: "right" });
    await expect(right.users!.list_me!()).resolves.toBeInstanceOf(Response);
  });
});
