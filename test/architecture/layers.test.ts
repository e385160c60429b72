import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The layers of src/, bottom to top (README "Architecture"). A file may import from its own
// layer and from layers below it, never from above. version.ts is a leaf anyone may import.
const CORE = [
  "checks",
  "errors",
  "naming",
  "description",
  "http",
  "response",
  "cache",
  "platform",
  "docs",
  "options",
  "download",
  "methods",
  "client",
  "help",
  "typegen",
] as const;
/** The seam the top layers reach the core's internals through. */
const SEAM = "internal.ts";
/** Its Node-only half, so the browser build never imports a Node built-in through the seam. */
const NODE_SEAM = "internal-node.ts";
/** Every other file at the top of src/: the package's entries (public-api.ts, index.ts, ...). */
const ENTRIES = "entries";
/**
 * Built on the core, which they reach only through the seam (and the entries, when they sit
 * above them). The entries export jobs, so jobs is below them; civis/io, civis/testing and
 * the command line have entries of their own and use the public API like any user.
 */
const TOP_BELOW_ENTRIES = ["jobs"] as const;
const TOP_ABOVE_ENTRIES = ["io", "testing", "cli"] as const;
const ORDER: readonly string[] = [
  ...CORE,
  SEAM,
  ...TOP_BELOW_ENTRIES,
  ENTRIES,
  ...TOP_ABOVE_ENTRIES,
];
const LEAF = "version.ts";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The layer of a file: its top folder under src/, or what a top-level file is. */
function layerOf(file: string): string {
  const [first, ...rest] = relative(src, file).split(sep);
  if (rest.length > 0) return first!;
  if (first === NODE_SEAM) return SEAM;
  if (first === SEAM || first === LEAF) return first;
  return ENTRIES;
}

/** Why `from` may not import `to`, or undefined when it may. */
function violation(from: string, to: string): string | undefined {
  if (to === from || to === LEAF) return undefined;
  if (from === LEAF) return `${LEAF} is a leaf and imports nothing of the project`;
  const fromRank = ORDER.indexOf(from);
  const toRank = ORDER.indexOf(to);
  if (fromRank < 0) return `"${from}" is in no layer: add it to the order in this test and README`;
  if (toRank < 0) return `"${to}" is in no layer: add it to the order in this test and README`;
  if (toRank > fromRank) return `${from} imports from ${to}, a layer above it`;
  const isCore = (layer: string) => (CORE as readonly string[]).includes(layer);
  if (!isCore(from) && from !== SEAM && from !== ENTRIES && isCore(to)) {
    return `${from} reaches into the core (${to}): import it from src/${SEAM} or a public entry`;
  }
  return undefined;
}

interface Import {
  readonly file: string;
  readonly specifier: string;
  readonly target: string;
}

/** Every relative import of every file (static, type-only, re-exports and dynamic). */
function relativeImports(): Import[] {
  return sourceFiles(src).flatMap((file) => {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    return info.importedFiles
      .map((ref) => ref.fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => ({
        file,
        specifier,
        target: resolve(dirname(file), specifier).replace(/\.js$/, ".ts"),
      }));
  });
}

describe("the layers of src/", () => {
  const imports = relativeImports();

  it("finds the project's imports (an empty listing would prove nothing)", () => {
    expect(sourceFiles(src).length).toBeGreaterThan(50);
    expect(imports.length).toBeGreaterThan(100);
  });

  it("only import downward", () => {
    const broken = imports.flatMap(({ file, specifier, target }) => {
      const reason = violation(layerOf(file), layerOf(target));
      return reason ? [`src/${relative(src, file)} imports "${specifier}": ${reason}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it("name every folder of src/ in the layer order", () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !ORDER.includes(folder))).toEqual([]);
  });

  // The rule itself: a test that passes because it checks nothing is worse than none.
  it.each([
    ["http", "client", "a layer above it"],
    ["checks", "errors", "a layer above it"],
    ["cli", "methods", "reaches into the core"],
    ["jobs", "client", "reaches into the core"],
    ["jobs", ENTRIES, "a layer above it"],
    ["typegen", SEAM, "a layer above it"],
    ["io", "http", "reaches into the core"],
    ["jobs", "cli", "a layer above it"],
    ["unknown", "http", "in no layer"],
  ])("refuses %s importing %s", (from, to, reason) => {
    expect(violation(from, to)).toContain(reason);
  });

  it.each([
    ["client", "methods"],
    ["cli", SEAM],
    ["cli", ENTRIES],
    ["jobs", SEAM],
    ["io", "jobs"],
    ["io", ENTRIES],
    ["testing", ENTRIES],
    [ENTRIES, "typegen"],
    ["http", LEAF],
  ])("allows %s importing %s", (from, to) => {
    expect(violation(from, to)).toBeUndefined();
  });
});
