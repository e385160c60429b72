import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// test/CONTRACT-COVERAGE.md maps the contract to tests as `file › "test name", ...`: a map
// that names a renamed or deleted test would say a behaviour is proved when nothing does.
const root = fileURLToPath(new URL("../../", import.meta.url));
const map = readFileSync(`${root}test/CONTRACT-COVERAGE.md`, "utf8");
const contractPath = `${root}../shared/CONTRACT.md`;
if (!existsSync(contractPath)) {
  console.log(`contract-coverage.test.ts: ${contractPath} is absent; its section check is skipped`);
}

/** Every `file › names` reference, with the quoted names after it. */
function references(): { file: string; names: string[] }[] {
  const quoted = /"[^"]*"|'[^']*'/g;
  const reference = /((?:test|e2e)\/[\w/.-]+\.test\.ts) › ((?:(?:"[^"]*"|'[^']*')(?:, )?)+)/g;
  return [...map.matchAll(reference)].map((match) => ({
    file: match[1]!,
    names: (match[2]!.match(quoted) ?? []).map((name) => name.slice(1, -1)),
  }));
}

describe("test/CONTRACT-COVERAGE.md", () => {
  const refs = references();

  it("names tests (an empty map would prove nothing)", () => {
    expect(refs.length).toBeGreaterThan(100);
  });

  it("names only test files that exist", () => {
    const missing = [...new Set(refs.map((ref) => ref.file))].filter(
      (file) => !existsSync(root + file),
    );
    expect(missing).toEqual([]);
  });

  it("names only test files that exist, quoted test names or not", () => {
    const named = [...new Set(map.match(/\b(?:test|e2e)\/[\w/.-]+\.test\.ts\b/g) ?? [])];
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter((file) => !existsSync(root + file))).toEqual([]);
  });

  it("maps the contract as merged: no part is left waiting on a branch", () => {
    expect(map).not.toMatch(/in progress/i);
  });

  // The contract sits beside the repository, like the real specs; a clone alone skips this.
  it.skipIf(!existsSync(contractPath))("has a section for every section of the contract", () => {
    const title = (heading: string) => heading.replace(/^#+ /, "").split(" (")[0]!;
    const headings = (text: string) => text.match(/^##+ .+$/gm)?.map(title) ?? [];
    const sections = headings(readFileSync(contractPath, "utf8"));
    expect(sections.length).toBeGreaterThan(10);
    expect(sections.filter((section) => !headings(map).includes(section))).toEqual([]);
  });

  it("names only tests that exist in those files", () => {
    const missing = refs.flatMap(({ file, names }) => {
      if (!existsSync(root + file)) return [];
      const text = readFileSync(root + file, "utf8");
      return names.filter((name) => !text.includes(name)).map((name) => `${file} › "${name}"`);
    });
    expect(missing).toEqual([]);
  });
});
