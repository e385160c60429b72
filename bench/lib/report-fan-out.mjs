import { mark, spread, table } from "./format.mjs";
import { summarize } from "./stats.mjs";
import { meets, TARGETS } from "./targets.mjs";

/** Case 3b (issue 14): 2,000 calls at once through `maxConcurrent: 16`, against 16-at-a-time fetch. */
export function fanOutSection(results) {
  const of = (key) => summarize(results.map((r) => r[key]));
  const ratio = of("ratio");
  const pass = meets(TARGETS.fanOutToFetch, ratio?.median);
  const rows = [
    ["fetch, 16 workers (ms for 2,000)", spread(of("fetchMs")), "", ""],
    ["**civis**, `maxConcurrent: 16` (ms for 2,000)", spread(of("civisMs")), "", ""],
    ["civis / fetch, wall time", spread(ratio, "x"), TARGETS.fanOutToFetch.text, mark(pass)],
    ["client CPU per call, fetch (µs)", spread(of("fetchCpuUs")), "", ""],
    ["client CPU per call, civis (µs)", spread(of("civisCpuUs")), "", ""],
    ["civis / fetch, client CPU", spread(of("cpuRatio"), "x"), "", ""],
  ];
  const rounds = results[0]?.rounds;
  return {
    markdown: [
      `Each process: ${rounds} rounds after a warm-up, the order alternating; a ratio is the median over rounds of civis / fetch in the same round, then summarized over processes as median (min–max). CPU time is the client process's own (\`process.cpuUsage\`), the server running in another process.`,
      "",
      table(["measure", "median (min–max)", "target", ""], rows),
      "",
    ].join("\n"),
    verdicts: [{ name: "fan-out, maxConcurrent 16 vs 16-at-a-time fetch", pass }],
  };
}
