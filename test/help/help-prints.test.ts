import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { APIClient, type CivisResource, help } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";

let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  log.mockRestore();
});

const client = () =>
  new APIClient<{ workflows: CivisResource }>({
    localApiSpec: loadFixture("swagger2-basic"),
    apiKey: "k",
  });

describe("help() returns the text and prints it, once", () => {
  it.each([
    ["the client", (c: ReturnType<typeof client>) => c, /^workflows +8 methods$/m],
    [
      "a resource",
      (c: ReturnType<typeof client>) => c.workflows,
      /^list\(params\?\) +List Workflows$/m,
    ],
    ["a method", (c: ReturnType<typeof client>) => c.workflows.list, /^API URL: GET \/workflows$/m],
  ])("for %s", (_what, pick, line) => {
    const text = help(pick(client()));
    expect(text).toMatch(line);
    expect(log.mock.calls).toEqual([[text]]);
  });
});
