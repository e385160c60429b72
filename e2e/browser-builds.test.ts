import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { distDir } from "./helpers/paths.js";

// What runs in a page must not touch Node: a `node:` import fails to load, and a bare
// `process.` throws a ReferenceError the moment it runs.
describe("the browser builds", () => {
  beforeAll(ensureBuilt);

  it.each(["civis.umd.js", "civis.umd.min.js", "browser.js", "browser.cjs"])(
    "%s has no Node built-in and no bare `process` access",
    (file) => {
      const code = readFileSync(`${distDir}${file}`, "utf8");
      expect(code).not.toMatch(/["'`]node:/);
      expect(code).not.toMatch(/\bprocess\s*\./);
      expect(code).not.toMatch(/\brequire\(["'](fs|path|url|os|http|https|zlib|crypto)["']\)/);
    },
  );

  it("civis.umd.min.js bundles its dependencies: it requires and imports nothing", () => {
    const code = readFileSync(`${distDir}civis.umd.min.js`, "utf8");
    expect(code).not.toMatch(/require\(["']/);
    expect(code).not.toMatch(/\bimport\s*[{*"']/);
  });
});
