import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { wrap } from "../../src/docs/wrap.js";
import type { CivisMethod } from "../../src/methods/build-resource.js";

// civis-python 2.9.1's own docstrings for the real Civis spec sit beside the repository.
const repoRoot = new URL("../../", import.meta.url);
const specPath = fileURLToPath(new URL("../shared/specs/civis_api_spec.json", repoRoot));
const docsPath = fileURLToPath(new URL("../shared/specs/civis-python-docs.json", repoRoot));
const present = existsSync(specPath) && existsSync(docsPath);
if (!present) {
  console.log(
    `civis-python-docs.test.ts: skipped, civis-python's docstrings or the Civis spec are not at ${docsPath}`,
  );
}

/** The wording the client gives `iterator` (the contract's async-iterator adaptation). */
const ITERATOR_LINES = [
  "iterator : boolean, optional",
  "    If true, return a PaginatedResponse: an async iterable over every item of",
  "    every page. Use it when more results than the maximum allowed by 'limit'",
  "    are needed. When true, 'page_num' is ignored. If false, return one page as",
  "    a ListResponse, whose size is determined by 'limit'. Defaults to false.",
];

/** civis-python's own wording for the legacy `list_*` names it keeps. */
const LEGACY_NOTICE =
  /^The method name ``<client>\.\w+\.\w+`` is deprecated and will be removed at civis-python v3\.0\.0 \(no release timeline yet\)\. Please switch to ``<client>\.\w+\.\w+`` for the same method\./;

const PY_TYPES: Readonly<Record<string, string>> = {
  int: "integer",
  str: "string",
  bool: "boolean",
  float: "number",
  dict: "object",
  List: "array",
};

/** A Python type as civis-python writes it (`List[:class:\`civis.Response\`]`), in JSON-schema names. */
function jsonType(python: string): string {
  const [, base = python, format] = /^(.*?)(?: \((.+)\))?$/.exec(python) ?? [];
  const named = base
    .replace(/:class:`civis\.(\w+)`/g, "$1")
    .replace(/\b(int|str|bool|float|dict|List)\b/g, (t) => PY_TYPES[t]!)
    .replace(/^array\[(.+)\]$/, "array<$1>");
  return format ? `${named} (${format})` : named;
}

const HEAD = /^( *)(- )?(\w+) : (.+?)(, optional)?$/;

/** Where the client says more than civis-python about one `name : type` line, and may. */
function moreDetail(python: RegExpExecArray, ours: RegExpExecArray, nestedParam: boolean): boolean {
  if (python[1] !== ours[1] || python[2] !== ours[2] || python[3] !== ours[3]) return false;
  // `, optional` on nested body properties (civis-python never marks them).
  if (python[5] !== ours[5] && !(nestedParam && ours[5] && !python[5])) return false;
  const want = jsonType(python[4]!);
  const got = ours[4]!;
  // Formats (civis-python shows them only for properties) and item types.
  const bare = got.replace(/ \([^()<>]+\)/g, "");
  // An `array` civis-python leaves bare may name its items (`array<array>`, `array<array<string>>`).
  const items = new RegExp(
    `^${want.replace(/[^\w ]/g, "\\$&").replace(/array(?!\\<)/g, "array(<.+>)?")}$`,
  );
  return got === want || items.test(bare);
}

/** The deliberate adaptations beyond type names and plain markup. */
type Adaptation = "iterator" | "no-body" | "deprecation" | "legacy-name" | "more-detail";

interface Compared {
  readonly expected: readonly string[];
  readonly adaptations: ReadonlySet<Adaptation>;
}

/**
 * civis-python's docstring rewritten as the client should give it, line for line: only
 * the contract's deliberate adaptations are applied; a line the client gets wrong stays
 * civis-python's, so the test shows it.
 */
function expectedDoc(python: string, ours: readonly string[], deprecation: string): Compared {
  const lines = python.split("\n");
  const out: string[] = [];
  let section = "";
  const adaptations = new Set<Adaptation>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "Parameters" || line === "Returns") section = line;
    const api = /^API URL: ``(.+)``$/.exec(line);
    if (api) {
      out.push(`API URL: ${api[1]}`);
      continue;
    }
    if (line === ".. warning::") {
      // The notice is the indented lines under the label, up to a blank line.
      const notice: string[] = [];
      while (lines[i + 1]?.startsWith("    ")) notice.push(lines[++i]!.slice(4));
      const spec = notice.join(" ").replace(LEGACY_NOTICE, "").trim();
      // The client gives the legacy `list_*` names no notice (the seed documents them).
      if (spec === "") {
        i++;
        adaptations.add("legacy-name");
      } else {
        out.push(...deprecation.split("\n"));
        adaptations.add("deprecation");
      }
      continue;
    }
    if (section === "Parameters" && line === "iterator : bool, optional") {
      while (lines[i + 1]?.startsWith("    ")) i++;
      out.push(...ITERATOR_LINES);
      adaptations.add("iterator");
      continue;
    }
    // `Response` rather than `None` for an answer without a body.
    if (section === "Returns" && line === "None") {
      out.push("Response");
      adaptations.add("no-body");
      continue;
    }
    const head = HEAD.exec(line);
    if (head && (section === "Parameters" || section === "Returns")) {
      const mapped = `${head[1]}${head[2] ?? ""}${head[3]} : ${jsonType(head[4]!)}${head[5] ?? ""}`;
      const mine = ours[out.length];
      const theirs = mine === undefined ? null : HEAD.exec(mine);
      if (
        mine !== mapped &&
        theirs &&
        moreDetail(head, theirs, section === "Parameters" && head[2] !== undefined)
      ) {
        out.push(mine!);
        adaptations.add("more-detail");
      } else out.push(mapped);
      continue;
    }
    if (section === "Returns" && /^:class:/.test(line)) {
      out.push(jsonType(line));
      continue;
    }
    out.push(line);
  }
  return { expected: out, adaptations };
}

describe.skipIf(!present)("help() text against civis-python 2.9.1's own docstrings", () => {
  const read = (path: string): Record<string, unknown> =>
    JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

  it("gives every method civis-python's docstring, line for line, but for the deliberate adaptations", () => {
    const spec = read(specPath);
    const docs = read(docsPath);
    const paths = spec.paths as Record<
      string,
      Record<string, { "x-deprecation-warning"?: string }>
    >;
    const client = new APIClient({ localApiSpec: spec, apiKey: "not-used" });
    const resources = client as unknown as Record<string, Record<string, CivisMethod | undefined>>;

    let identical = 0;
    const counts = new Map<string, number>();
    const wrong: { name: string; ours: string[]; expected: readonly string[] }[] = [];
    const missing: string[] = [];
    for (const [name, python] of Object.entries(docs)) {
      if (name === "_commit" || typeof python !== "string") continue;
      const [resource = "", method = ""] = name.split(".");
      const ours = resources[resource]?.[method]?.doc;
      if (ours === undefined) {
        missing.push(name);
        continue;
      }
      const [, verb = "", path = ""] = /API URL: ``(\w+) \/(.+?)``/.exec(python) ?? [];
      const ourLines = ours.split("\n");
      // The spec's own words, labelled once: "Warning:" gives way to "Deprecated:".
      const item = paths[`/${path}`] ?? paths[`/${path}/`];
      const warning = item?.[verb.toLowerCase()]?.["x-deprecation-warning"] ?? "";
      const deprecation = wrap(`Deprecated: ${warning.trim().replace(/^Warning:\s*/, "")}`, "");
      const compared = expectedDoc(python, ourLines, deprecation);
      if (ours === python) identical++;
      if (ours === compared.expected.join("\n")) {
        const key = [...compared.adaptations].sort().join(" + ") || "type names only";
        counts.set(key, (counts.get(key) ?? 0) + 1);
      } else wrong.push({ name, ours: ourLines, expected: compared.expected });
    }
    const total = Object.keys(docs).length - 1;
    const same = total - missing.length - wrong.length;
    const breakdown = [...counts].sort((x, y) => y[1] - x[1]).map(([k, n]) => `  ${n}: ${k}`);
    console.log(
      [
        `civis-python docs: ${total} methods; ${identical} identical as they stand; ${same} the same once adapted, ${wrong.length} differ, ${missing.length} missing. The same once adapted, by adaptation (besides type names and plain markup):`,
        ...breakdown,
      ].join("\n"),
    );
    // The first few in full, line against line; then every name that differs.
    for (const w of wrong.slice(0, 3)) expect(w.ours, w.name).toEqual(w.expected);
    expect(wrong.map((w) => w.name)).toEqual([]);
    expect(missing).toEqual([]);
    // 909 methods' help, built and compared: seconds on a busy machine.
  }, 60_000);
});
