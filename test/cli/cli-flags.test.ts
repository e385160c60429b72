import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { tempHome, writeIn } from "./helpers/cli-binary.js";
import { runCli } from "./helpers/in-process-cli.js";

/** A spec whose parameters cover what flags turn into: arrays, numbers, text, booleans, bodies. */
const spec = {
  swagger: "2.0",
  info: { title: "Flags" },
  paths: {
    "/items": {
      get: {
        parameters: [
          { name: "tags", in: "query", type: "array", items: { type: "string" } },
          { name: "ids", in: "query", type: "array", items: { type: "integer" } },
          { name: "count", in: "query", type: "integer" },
          { name: "hidden", in: "query", type: "boolean" },
          { name: "page_num", in: "query", type: "integer" },
        ],
        responses: {
          200: { description: "ok", schema: { type: "array", items: { type: "object" } } },
        },
      },
      post: {
        parameters: [
          {
            name: "body",
            in: "body",
            required: true,
            schema: {
              type: "object",
              required: ["fileName"],
              properties: {
                fileName: { type: "string" },
                sizeBytes: { type: "integer" },
                options: { type: "object" },
              },
            },
          },
        ],
        responses: { 201: { description: "ok", schema: { type: "object" } } },
      },
    },
  },
};

describe("flags: how --name value becomes a parameter", () => {
  let server: TestServer;
  const home = tempHome();
  let specFile: string;
  beforeAll(async () => {
    server = await startServer((req, res) =>
      sendJson(res, req.method === "POST" ? 201 : 200, req.method === "POST" ? { ok: true } : []),
    );
    specFile = writeIn(home.dir, "spec.json", JSON.stringify(spec));
  });
  afterAll(async () => {
    await server.close();
    home.remove();
  });

  async function sent(args: readonly string[]) {
    const run = await runCli([...args, "--spec", specFile, "--base-url", server.url], {
      CIVIS_API_KEY: "flags-key",
      HOME: home.dir,
    });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    return server.requests.at(-1)!;
  }

  it("repeats a flag for an array, and wraps one value for an array parameter", async () => {
    expect((await sent(["items", "list", "--tags", "a", "--tags", "b"])).url).toBe(
      "/items?tags%5B%5D=a&tags%5B%5D=b",
    );
    expect((await sent(["items", "list", "--ids", "7"])).url).toBe("/items?ids%5B%5D=7");
    expect((await sent(["items", "list", "--ids", "[1,2]"])).url).toBe(
      "/items?ids%5B%5D=1&ids%5B%5D=2",
    );
  });

  it("reads values as JSON when they parse; a flag alone is true; kebab-case names work", async () => {
    expect((await sent(["items", "list", "--count", "5", "--hidden", "--page-num=2"])).url).toBe(
      "/items?count=5&hidden=true&page_num=2",
    );
  });

  it("sends body flags under the spec's names, text kept as text where the spec wants text", async () => {
    const request = await sent([
      "items",
      "post",
      "--file-name",
      "0042",
      "--size_bytes",
      "12",
      "--options",
      '{"keepCase": true}',
    ]);
    expect(JSON.parse(request.body)).toEqual({
      fileName: "0042",
      sizeBytes: 12,
      options: { keepCase: true },
    });
  });

  it("takes parameters from --json-body too, flags winning", async () => {
    const request = await sent([
      "items",
      "post",
      "--json-body",
      '{"file_name": "a.csv", "size_bytes": 1}',
      "--size-bytes",
      "2",
    ]);
    expect(JSON.parse(request.body)).toEqual({ fileName: "a.csv", sizeBytes: 2 });
  });
});
