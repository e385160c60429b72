// `npm run bench`: runs every case in fresh child processes, prints the
// tables, keeps the raw figures in bench/out/last-run.json, and writes
// bench/RESULTS.md. BENCH_RUNS (default 7) sets the number of processes per
// measurement; BENCH_CASES (e.g. "build,size") picks cases.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runChild } from "./lib/child.mjs";
import { chromiumPath } from "./lib/chromium.mjs";
import { loadAverage, machine } from "./lib/machine.mjs";
import { distDir, outDir } from "./lib/paths.mjs";
import { renderReport, writeResults } from "./lib/report.mjs";
import { SPECS } from "./lib/specs.mjs";

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const ALL_CASES = ["build", "calls", "fan-out", "size", "browser", "io"];
const CASES = (process.env.BENCH_CASES ?? ALL_CASES.join(",")).split(",");
const BUILD_CLIENTS = ["civis", "swagger-client", "openapi-client-axios"];

if (!existsSync(join(distDir, "index.js"))) {
  throw new Error("dist/ is missing: run `npm run bench` (it builds first)");
}
for (const name of CASES) {
  if (!ALL_CASES.includes(name)) throw new Error(`unknown case "${name}"; cases: ${ALL_CASES}`);
}

// One updating line on a terminal; plain lines in a log.
const progress = (text) =>
  process.stderr.isTTY
    ? process.stderr.write(`\r\x1b[2K${text}`)
    : text && process.stderr.write(`${text}\n`);

async function repeated(script, label, args = [], nodeArgs = []) {
  const results = [];
  for (let run = 0; run < RUNS; run++) {
    progress(`${label} ${run + 1}/${RUNS}`);
    results.push(await runChild(script, args, nodeArgs));
  }
  return results;
}

const MEASURE = {
  async build() {
    const results = [];
    // Run-major order: drift on a busy machine spreads over every client alike.
    for (let run = 0; run < RUNS; run++) {
      for (const spec of Object.keys(SPECS)) {
        for (const client of BUILD_CLIENTS) {
          progress(`build ${run + 1}/${RUNS}: ${spec} spec, ${client}`);
          results.push(await runChild("build.mjs", [spec, client], ["--expose-gc"]));
        }
      }
    }
    return results;
  },
  calls: () => repeated("calls.mjs", "calls"),
  // Issue 14: 2,000 calls at once through maxConcurrent: 16 against 16-at-a-time fetch.
  "fan-out": () => repeated("fan-out.mjs", "fan-out"),
  size: () => runChild("size.mjs"),
  async browser() {
    if (chromiumPath()) return repeated("browser.mjs", "browser");
    console.error(
      "No Chromium (set CHROMIUM_PATH, or apt-get install chromium): browser case SKIPPED.",
    );
    return [{ skipped: "no Chromium found (set CHROMIUM_PATH)" }];
  },
};

// civis/io (issue 13): CSV libraries side by side, readCivisSql, transfers at two sizes.
MEASURE.io = async () => ({
  csv: await repeated("io-csv.mjs", "io csv", [String(Math.floor(Math.random() * 4))]),
  sizes: await runChild("io-sizes.mjs"),
  transfer: [
    ...(await repeated("io-transfer.mjs", "io transfer 50 MB", ["50"])),
    ...(await repeated("io-transfer.mjs", "io transfer 200 MB", ["200"])),
  ],
});

const started = performance.now();
const loadBefore = loadAverage();
const raw = {};
for (const name of CASES) raw[name] = await MEASURE[name]();
progress("");
raw.meta = {
  machine: machine(),
  runs: RUNS,
  seconds: Math.round((performance.now() - started) / 1000),
  loadBefore,
  loadAfter: loadAverage(),
};

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "last-run.json"), JSON.stringify(raw));
const report = renderReport(raw);
console.log(report);
if (CASES.length === ALL_CASES.length) {
  writeResults(report);
  console.error("\nWrote bench/RESULTS.md (raw figures: bench/out/last-run.json)");
} else {
  console.error("\nBENCH_CASES picks some cases only: bench/RESULTS.md left as it was.");
}
