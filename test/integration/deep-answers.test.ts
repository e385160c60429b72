import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIClient, ListResponse, Response } from "../../src/index.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { loadFixture } from "../helpers/fixtures.js";
import type { FixtureApi } from "./fixture-client.js";

// Issue 11, class 7: an answer nested thousands of levels deep converts, freezes and
// copies without overflowing the call stack, in the default "snake" mode.

const DEPTH = 10_000;
/** `{"childNode":{"childNode":...{"leafValue":[1]}...}}`, written as text: no recursion here either. */
const deepObject = `${'{"childNode":'.repeat(DEPTH)}{"leafValue":[1]}${"}".repeat(DEPTH)}`;
const deepArray = `[${'{"innerItems":['.repeat(DEPTH)}0${"]}".repeat(DEPTH)}]`;

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer((req) => ({
    body: req.path.endsWith("/2")
      ? `{"arguments":${deepObject},"value":${deepObject}}`
      : req.path === "/workflows"
        ? deepArray
        : deepObject,
  }));
});
afterAll(() => server.close());

const client = () =>
  new APIClient<FixtureApi>({
    localApiSpec: loadFixture("swagger2-basic"),
    apiKey: "deep-key-1Nc6",
    baseUrl: server.url,
    retries: false,
  });

/** Follows `key` down `levels` times, with a loop. */
function descend(start: unknown, key: string, levels: number): unknown {
  let node = start;
  for (let i = 0; i < levels; i++) node = (node as Response).get(key);
  return node;
}

describe(`an answer ${DEPTH} levels deep`, () => {
  it("becomes nested Responses with snake_case keys, frozen all the way down", async () => {
    const answer = (await client().workflows.get(1)) as Response;
    expect(answer).toBeInstanceOf(Response);
    const leaf = descend(answer, "child_node", DEPTH) as Response;
    expect(leaf).toBeInstanceOf(Response);
    expect(leaf.leaf_value).toEqual([1]);
    expect(Object.isFrozen(descend(answer.json_data, "childNode", 0))).toBe(true);
    let raw = answer.json_data as Record<string, unknown>;
    for (let i = 0; i < DEPTH; i++) raw = raw.childNode as Record<string, unknown>;
    expect(Object.isFrozen(raw.leafValue)).toBe(true);
  });

  it("copies with json(), in both spellings", async () => {
    const answer = (await client().workflows.get(1)) as Response;
    let copy = answer.json() as Record<string, unknown>;
    for (let i = 0; i < DEPTH; i++) copy = copy.child_node as Record<string, unknown>;
    expect(copy).toEqual({ leaf_value: [1] });
    let asSent = answer.json(false) as Record<string, unknown>;
    for (let i = 0; i < DEPTH; i++) asSent = asSent.childNode as Record<string, unknown>;
    expect(asSent).toEqual({ leafValue: [1] });
  });

  it("keeps the case of arguments and the value as sent, however deep", async () => {
    const answer = (await client().workflows.get(2)) as Response;
    const args = descend(answer.get("arguments"), "childNode", DEPTH) as Response;
    expect(args.get("leafValue")).toEqual([1]);
    let value = answer.get("value") as Record<string, unknown>;
    for (let i = 0; i < DEPTH; i++) value = value.childNode as Record<string, unknown>;
    expect(value).toEqual({ leafValue: [1] });
  });

  it("converts a list of nested lists", async () => {
    const list = (await client().workflows.list()) as ListResponse;
    expect(list).toBeInstanceOf(ListResponse);
    let node: unknown = list;
    for (let i = 0; i < DEPTH; i++) node = ((node as unknown[])[0] as Response).get("inner_items");
    expect(node).toEqual([0]);
    expect(list.json()).toHaveLength(1);
  });
});
