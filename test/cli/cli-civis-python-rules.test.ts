import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { tempHome } from "./helpers/cli-binary.js";
import { runCli } from "./helpers/in-process-cli.js";

const specFile = fileURLToPath(new URL("../fixtures/civis-python-rules.json", import.meta.url));

describe("the CLI follows civis-python's argument order and names", () => {
  let server: TestServer;
  const home = tempHome();
  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, {}));
  });
  afterAll(async () => {
    await server.close();
    home.remove();
  });

  const run = (args: readonly string[]) =>
    runCli([...args, "--spec", specFile, "--base-url", server.url], {
      CIVIS_API_KEY: "rules-key",
      HOME: home.dir,
    });

  it("takes path parameters in the spec's order", async () => {
    expect(await run(["tables", "get-enhancements-geocodings", "1", "2"])).toMatchObject({
      code: 0,
      stderr: "",
    });
    expect(server.requests.at(-1)!.url).toBe("/tables/2/enhancements/geocodings/1");
  });

  it("names them in that order when some are missing", async () => {
    const missing = await run(["tables", "get-enhancements-geocodings", "1"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(
      "civis tables get-enhancements-geocodings <id> <source_table_id>",
    );
  });

  it("calls a get_* alias, and lists it with its method in help", async () => {
    expect(await run(["users", "get-me"])).toMatchObject({ code: 0, stderr: "" });
    expect(server.requests.at(-1)!.url).toBe("/users/me");
    const help = await run(["help", "users"]);
    expect(help.stdout).toMatch(/^list_me, get_me\(params\?\) /m);
  });
});
