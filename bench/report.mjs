// Re-renders bench/RESULTS.md from the last run's raw figures
// (bench/out/last-run.json), e.g. after editing FINDINGS.md.
// Usage: node bench/report.mjs
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { outDir } from "./lib/paths.mjs";
import { renderReport, writeResults } from "./lib/report.mjs";

const raw = JSON.parse(readFileSync(join(outDir, "last-run.json"), "utf8"));
writeResults(renderReport(raw));
console.log("Wrote bench/RESULTS.md from bench/out/last-run.json");
