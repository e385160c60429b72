import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServer, startApiServer } from "./helpers/api-server.js";
import { askShared, ensureBuilt } from "./helpers/ask-shared.js";
import type { Tarball } from "./helpers/pack.js";
import { run } from "./helpers/pack.js";

// What a user's script does first: import the package by name, make a client, call.
const ESM_SCRIPT = `
import { APIClient, cacheApiSpec, help } from "civis";
const client = await APIClient.create({ baseUrl: process.env.API_URL });
const me = await client.users.list_me();
console.log(JSON.stringify({
  username: me.username,
  entry: import.meta.resolve("civis"),
  nodeOnly: typeof cacheApiSpec,
  help: help(client.users.list_me).length > 0,
}));
`;

const CJS_SCRIPT = `
const { APIClient, cacheApiSpec, help } = require("civis");
APIClient.create({ baseUrl: process.env.API_URL })
  .then((client) => client.users.list_me())
  .then((me) => {
    console.log(JSON.stringify({
      username: me.username,
      entry: require.resolve("civis"),
      nodeOnly: typeof cacheApiSpec,
      help: typeof help,
    }));
  });
`;

interface ScriptResult {
  username: string;
  entry: string;
  nodeOnly: string;
}

describe("the packed tarball, installed as a user would", () => {
  let folder: string;
  let project: string;
  let tarball: Tarball;
  let api: ApiServer;

  beforeAll(async () => {
    await ensureBuilt();
    tarball = await askShared("tarball");
    folder = await mkdtemp(join(tmpdir(), "civis-pack-"));
    project = join(folder, "project");
    await mkdir(project);
    await writeFile(join(project, "package.json"), '{ "name": "civis-user", "private": true }\n');
    const install = ["install", "--no-audit", "--no-fund", "--no-save", tarball.path];
    try {
      // idb-keyval is in the npm cache since this repository installed it.
      await run("npm", [...install, "--offline"], { cwd: project });
    } catch {
      await run("npm", install, { cwd: project });
    }
    api = await startApiServer();
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("holds only what users need: dist/ without source maps, package.json, README, changelog and licence", () => {
    for (const file of tarball.files) {
      expect(file).toMatch(
        /^(dist\/[^/]+\.(c?js|d\.c?ts)|package\.json|README\.md|CHANGELOG\.md|LICEN[CS]E(\.md)?)$/,
      );
    }
    expect(tarball.files).toContain("CHANGELOG.md");
    for (const file of ["index.js", "index.cjs", "index.d.ts", "browser.js", "civis.umd.min.js"]) {
      expect(tarball.files).toContain(`dist/${file}`);
    }
  });

  async function node(args: string[]): Promise<ScriptResult> {
    const { stdout } = await run(process.execPath, args, {
      cwd: project,
      env: { ...process.env, CIVIS_API_KEY: "demo-key", API_URL: api.url },
    });
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as ScriptResult;
  }

  it('`import { APIClient } from "civis"` gets the Node ESM build and calls the API', async () => {
    const result = await node(["--input-type=module", "-e", ESM_SCRIPT]);
    expect(result.username).toBe("demo.user");
    expect(result.entry).toMatch(/node_modules\/civis\/dist\/index\.js$/);
    expect(result.nodeOnly).toBe("function");
  });

  it('`require("civis")` gets the Node CJS build and calls the API', async () => {
    const result = await node(["--input-type=commonjs", "-e", CJS_SCRIPT]);
    expect(result.username).toBe("demo.user");
    expect(result.entry).toMatch(/node_modules\/civis\/dist\/index\.cjs$/);
    expect(result.nodeOnly).toBe("function");
  });
});
