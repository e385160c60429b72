import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { find, findOne, ListResponse, Response } from "../../src/index.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { fixtureClient } from "./fixture-client.js";

const workflow = {
  id: 1,
  name: "nightly",
  timeZone: "UTC",
  createdAt: "2024-01-01T00:00:00Z",
  schedule: { scheduled: true, scheduledDays: [1, 2] },
  instanceConfigs: [{ instanceType: "m5", minInstances: 0 }],
};
const rateHeaders = { "X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "998" };

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.method === "DELETE") {
      res.writeHead(204).end();
    } else if (req.url === "/workflows") {
      sendJson(res, 200, [workflow, { ...workflow, id: 2 }], rateHeaders);
    } else {
      sendJson(res, 200, workflow, rateHeaders);
    }
  });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

describe('returnType "snake" (the default)', () => {
  it("gives a Response with snake_case properties, nested Responses, and the headers", async () => {
    const result = await fixtureClient(server).workflows.get(1);
    expect(result).toBeInstanceOf(Response);
    expect(result.time_zone).toBe("UTC");
    expect(result.created_at).toBe("2024-01-01T00:00:00Z");
    expect(result.schedule).toBeInstanceOf(Response);
    expect(result.schedule.scheduled_days).toEqual([1, 2]);
    expect(result.instance_configs[0].instance_type).toBe("m5");
    expect(result.get("timeZone")).toBe("UTC");
    expect(result.json_data).toEqual(workflow);
    expect(result.headers.get("x-ratelimit-limit")).toBe("1000");
    expect(result.calls_remaining).toBe(998);
    expect(result.rate_limit).toBe(1000);
    expect(() => {
      (result as { name: string }).name = "changed";
    }).toThrow(TypeError);
  });

  it("gives a ListResponse of Responses for an array", async () => {
    const result = await fixtureClient(server).workflows.list();
    expect(result).toBeInstanceOf(ListResponse);
    expect(Array.isArray(result)).toBe(true);
    expect(result).toHaveLength(2);
    expect(result[1]).toBeInstanceOf(Response);
    expect(result[1].id).toBe(2);
    expect(result.calls_remaining).toBe(998);
    expect(result.json()[0]).toMatchObject({ time_zone: "UTC", created_at: workflow.createdAt });
  });

  it("can be filtered with find() and findOne() by snake_case property", async () => {
    const list: ListResponse = await fixtureClient(server).workflows.list();
    expect(find(list, { id: 2 }).map((w) => w.id)).toEqual([2]);
    expect(find(list, { time_zone: "UTC", schedule: true })).toHaveLength(2);
    expect(findOne(list, { id: (id) => (id as number) > 1 })?.id).toBe(2);
    expect(findOne(list, { name: "missing" })).toBeUndefined();
  });

  it("gives a Response whose json_data is null for a 204", async () => {
    const result = await fixtureClient(server).workflows.delete(1);
    expect(server.requests[0]!.method).toBe("DELETE");
    expect(result).toBeInstanceOf(Response);
    expect(result.json_data).toBeNull();
    expect(result.json()).toBeNull();
  });

  it("keeps client.last_response at the last response returned", async () => {
    const client = fixtureClient(server);
    expect(client.last_response).toBeUndefined();
    const one = await client.workflows.get(1);
    expect(client.last_response).toBe(one);
    const list = await client.workflows.list();
    expect(client.last_response).toBe(list);
  });
});

describe("other return types", () => {
  it('"raw" gives the fetch Response with its body unread', async () => {
    const client = fixtureClient(server, { returnType: "raw" });
    const result = await client.workflows.get(1);
    expect(result).toBeInstanceOf(globalThis.Response);
    expect(result.status).toBe(200);
    expect(result.bodyUsed).toBe(false);
    expect(result.headers.get("x-ratelimit-remaining")).toBe("998");
    await expect(result.json()).resolves.toEqual(workflow);
    expect(client.last_response).toBe(result);
  });

  it('"json" gives the parsed body untouched', async () => {
    const client = fixtureClient(server, { return_type: "json" });
    const result = await client.workflows.get(1);
    expect(result).toEqual(workflow);
    expect(result).not.toBeInstanceOf(Response);
    expect(client.last_response).toBe(result);
  });
});
