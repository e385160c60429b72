import { mark, num, spread, table } from "./format.mjs";
import { summarize } from "./stats.mjs";
import { meets, TARGETS } from "./targets.mjs";

const PHASES = {
  warm: "warm, default store (IndexedDB)",
  cold: "cold, default store (IndexedDB): download, parse, store",
  warmLocal: "warm, localStorage store given as `specCache`",
  coldLocal: "cold, localStorage store given as `specCache`",
};

/** Case 5: start-up in Chromium, warm (spec from the store) and cold (download). */
export function browserSection(results) {
  if (results.length === 0 || results[0].skipped) {
    const why = results[0]?.skipped ?? "not run";
    return {
      markdown: `Skipped: ${why}.\n`,
      verdicts: [{ name: "warm start in the browser", pass: undefined }],
    };
  }
  const verdicts = [];
  const rows = [];
  for (const [phase, label] of Object.entries(PHASES)) {
    const runs = results.map((r) => r[phase]);
    const create = summarize(runs.map((r) => r.createMs));
    const samePage = summarize(runs.map((r) => r.createMs / r.parseMs));
    const freshPage = summarize(results.map((r) => r[phase].createMs / r.freshParse.parseMs));
    const targeted = phase === "warm";
    const pass = targeted ? meets(TARGETS.warmToParse, samePage.median) : undefined;
    if (targeted) verdicts.push({ name: "warm start in the browser", pass });
    rows.push([
      `\`APIClient.create()\`, ${label}`,
      num(create.min),
      num(create.median),
      num(create.max),
      spread(samePage, "x"),
      spread(freshPage, "x"),
      targeted ? TARGETS.warmToParse.text : "",
      mark(pass),
    ]);
  }
  const floor = (label, values) => {
    const s = summarize(values);
    return [label, num(s.min), num(s.median), num(s.max), "", "", "", ""];
  };
  // Older runs (bench/out/last-run.json) have no idbOnly figures.
  const idb = results.filter((r) => r.idbOnly);
  if (idb.length > 0) {
    const read = summarize(idb.map((r) => r.idbOnly.readMs));
    const ratio = (pick) => spread(summarize(idb.map((r) => r.idbOnly.readMs / pick(r))), "x");
    rows.push([
      "floor: IndexedDB open + read of the cached record at page load, without civis",
      num(read.min),
      num(read.median),
      num(read.max),
      ratio((r) => r.idbOnly.parseMs),
      ratio((r) => r.freshParse.parseMs),
      "",
      "",
    ]);
  }
  rows.push(
    floor(
      "floor: JSON.parse of the spec text, same page, after the warm start",
      results.map((r) => r.warm.parseMs),
    ),
    floor(
      "floor: JSON.parse of the spec text, first parse in a fresh page",
      results.map((r) => r.freshParse.parseMs),
    ),
    floor(
      "navigation start to ready client, warm (IndexedDB)",
      results.map((r) => r.warm.readyAtMs),
    ),
    floor(
      "navigation start to ready client, cold (IndexedDB)",
      results.map((r) => r.cold.readyAtMs),
    ),
  );
  const headers = [
    "figure (ms)",
    "min",
    "median",
    "max",
    "× parse, same page",
    "× parse, fresh page",
    "target",
    "",
  ];
  return { markdown: `${table(headers, rows)}\n`, verdicts };
}
