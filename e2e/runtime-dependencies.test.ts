import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { distDir, repoRoot } from "./helpers/paths.js";

interface PackageJson {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
}

// The contract allows ofetch and idb-keyval; civis calls fetch itself (README: "Ways in"),
// so idb-keyval is the only one the core takes. civis/io adds one CSV library, papaparse
// (README "civis/io" says why), which the core never loads.
const RUNTIME = ["idb-keyval"];
const IO_RUNTIME = "papaparse";

/** Every module a built file loads: `import ... from`, `require()` and `import()`. */
function specifiers(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found].sort();
}

describe("runtime dependencies", () => {
  beforeAll(ensureBuilt);

  it("package.json depends on idb-keyval and civis/io's CSV library only", () => {
    const pkg = JSON.parse(readFileSync(`${repoRoot}package.json`, "utf8")) as PackageJson;
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual([...RUNTIME, IO_RUNTIME]);
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.bundleDependencies ?? pkg.bundledDependencies).toBeUndefined();
  });

  it.each(["index.js", "index.cjs"])(
    "dist/%s loads nothing but them and Node built-ins",
    (file) => {
      const loaded = specifiers(readFileSync(`${distDir}${file}`, "utf8"));
      // Node keeps its spec cache in memory: these files need no package at all.
      expect(loaded.some((name) => name.startsWith("node:"))).toBe(true);
      for (const name of loaded) {
        expect(RUNTIME.includes(name) || name.startsWith("node:"), name).toBe(true);
      }
    },
  );

  it("dist/cli.js loads them, civis/io's CSV library and Node built-ins", () => {
    for (const name of specifiers(readFileSync(`${distDir}cli.js`, "utf8"))) {
      expect(RUNTIME.includes(name) || name === IO_RUNTIME || name.startsWith("node:"), name).toBe(
        true,
      );
    }
  });

  it.each([
    ["io.js", "./index.js"],
    ["io.cjs", "./index.cjs"],
    ["io.browser.js", "./browser.js"],
    ["io.browser.cjs", "./browser.cjs"],
  ])("dist/%s loads papaparse and the core's own build (%s), never a copy", (file, core) => {
    const loaded = specifiers(readFileSync(`${distDir}${file}`, "utf8"));
    expect(loaded).toContain(core);
    for (const name of loaded) {
      const allowed =
        name === IO_RUNTIME ||
        name === core ||
        (!file.includes("browser") && name.startsWith("node:"));
      expect(allowed, name).toBe(true);
    }
  });

  it.each(["browser.js", "browser.cjs"])("dist/%s loads idb-keyval only", (file) => {
    // Should the browser build ever be split into chunks of its own, follow them and count
    // only what comes from outside the package.
    const seen = new Set<string>();
    const outside = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const loaded of specifiers(readFileSync(`${distDir}${name}`, "utf8"))) {
        if (loaded.startsWith("./browser-")) visit(loaded.slice(2));
        else outside.add(loaded);
      }
    };
    visit(file);
    expect([...outside].sort()).toEqual(RUNTIME);
  });
});
