import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTypes } from "../../src/typegen/generate-types.js";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.js";
import { SAMPLE_KEY, useSampleApiCli } from "./helpers/sample-api-cli.js";

const fixturePath = fileURLToPath(new URL("../fixtures/openapi3-basic.json", import.meta.url));
const fixture: unknown = JSON.parse(readFileSync(fixturePath, "utf8"));

describe("civis typegen", () => {
  const cli = useSampleApiCli();

  it("writes the declarations for --spec to --out, and --check passes until they differ", async () => {
    const out = join(cli.home, "civis-api.d.ts");
    const written = await cli.run(["typegen", "--spec", fixturePath, "--out", out]);
    expect(written).toMatchObject({ code: 0, stdout: "" });
    expect(written.stderr).toMatch(
      /^.*civis-api\.d\.ts written: 10 methods in 3 resources, \d+ schema types \(\d+ ms\)\n$/,
    );
    expect(readFileSync(out, "utf8")).toBe(generateTypes(fixture).text);

    const checked = await cli.run(["typegen", "--spec", fixturePath, "--out", out, "--check"]);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toMatch(/civis-api\.d\.ts is up to date: /);

    writeFileSync(out, `${readFileSync(out, "utf8")}// edited\n`);
    const stale = await cli.run(["typegen", "--spec", fixturePath, "--out", out, "--check"]);
    expect(stale).toMatchObject({ code: 1, stdout: "" });
    expect(stale.stderr).toBe(
      `civis: ${out} is out of date with the API spec; run \`civis typegen\` again to update it\n`,
    );
  });

  it("prints the declarations without --out, and refuses --check without it", async () => {
    const printed = await cli.run(["typegen", "--spec", fixturePath]);
    expect(printed).toEqual({ code: 0, stdout: `${generateTypes(fixture).text}\n`, stderr: "" });
    const check = await cli.run(["typegen", "--spec", fixturePath, "--check"]);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/`check` compares with a file, so it needs `out`/);
  });

  it("downloads the API's own spec without --spec, and names the type as asked", async () => {
    const run = await cli.run(["typegen", "--type-name", "SampleApi"]);
    expect(run.code).toBe(0);
    // The sample API grows with the layers built on it: the counts are the spec's own.
    const { operations, resources } = generateTypes(cli.server.api.spec);
    expect(run.stdout).toContain(
      `// The Civis Sample API for TypeScript: ${operations} methods in ${resources} resources.`,
    );
    expect(run.stdout).toContain("export interface SampleApi {");
  });

  it("sends CIVIS_API_KEY with a --spec URL on the API's own origin only", async () => {
    const own = await cli.run(["typegen", "--spec", `${cli.server.url}endpoints`]);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("export interface CivisApi {");

    const elsewhere: TestServer = await startServer((_req, res) => sendJson(res, 200, fixture));
    try {
      const run = await cli.run(["typegen", "--spec", `${elsewhere.url}spec.json`]);
      expect(run.code).toBe(0);
      expect(elsewhere.requests[0]!.headers.authorization).toBeUndefined();
      // A key named on the command line goes where the user points it.
      const file = join(cli.home, "key.txt");
      writeFileSync(file, SAMPLE_KEY);
      await cli.run(["typegen", "--spec", `${elsewhere.url}spec.json`, "--api-key-file", file]);
      expect(elsewhere.requests[1]!.headers.authorization).toBe(`Basic ${btoa(`${SAMPLE_KEY}:`)}`);
    } finally {
      await elsewhere.close();
    }
  });
});

describe("a --spec URL over plain http:", () => {
  const cli = useSampleApiCli();
  let server: TestServer;
  // 0.0.0.0 reaches this machine, but is no loopback address by the client's rule
  // (localhost, 127.0.0.0/8, [::1]): the key must not go there over plain http:.
  let insecure = "";
  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, fixture));
    insecure = server.url.replace("127.0.0.1", "0.0.0.0");
  });
  afterAll(() => server.close());

  it("is refused before anything is sent, for a key named on the command line", async () => {
    // It was sent: a named key went wherever --spec pointed, http: or not.
    const file = join(cli.home, "key.txt");
    writeFileSync(file, SAMPLE_KEY);
    const run = await cli.run([
      "typegen",
      "--spec",
      `${insecure}spec.json`,
      "--api-key-file",
      file,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `civis: refused to send the API key over plain http: to ${new URL(insecure).host}; use https:\n`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("is refused before anything is sent, for CIVIS_API_KEY on the API's own origin", async () => {
    // It was sent, and only then did the client refuse the same http: base URL.
    const run = await cli.run(["--spec", `${insecure}spec.json`, "--base-url", insecure, "things"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^civis: refused to send the API key over plain http: to 0\.0\.0\.0:/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("is read without a key when none would go there", async () => {
    const run = await cli.run(["typegen", "--spec", `${insecure}spec.json`]);
    expect(run.code).toBe(0);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe("civis typegen: a spec that cannot be read", () => {
  let server: TestServer;
  const cli = useSampleApiCli();
  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 403, { errorDescription: "no" }));
  });
  afterAll(() => server.close());

  it("exits 1 and says why", async () => {
    const refused = await cli.run(["typegen", "--spec", `${server.url}endpoints`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/HTTP 403: the API key is missing, expired or invalid/);
    const missing = await cli.run(["typegen", "--spec", join(cli.home, "missing.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^civis: Could not read the spec file .*missing\.json \(ENOENT\)\n$/,
    );
  });
});
