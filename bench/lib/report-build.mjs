import { mark, mib, num, ratio, spread, table } from "./format.mjs";
import { SPECS } from "./specs.mjs";
import { summarize } from "./stats.mjs";
import { ISSUE_FIGURES, meets, TARGETS } from "./targets.mjs";

const PEERS = ["swagger-client", "openapi-client-axios"];
const BUILD_TARGET = { civis: TARGETS.buildCivisToParse, github: TARGETS.buildGithubToParse };

const of = (runs, key) => summarize(runs.map((r) => r[key]).filter((v) => v !== undefined));

/** Cases 1 and 2: build time against JSON.parse, lazy work on first use, heap kept. */
export function buildSection(results) {
  const lines = [];
  const verdicts = [];
  const headers = ["figure", "min", "median", "max", "ratio (per process)", "target / issue", ""];
  for (const spec of Object.keys(SPECS)) {
    const bySpec = results.filter((r) => r.spec === spec);
    if (bySpec.length === 0) continue;
    const civis = bySpec.filter((r) => r.client === "civis");
    const issue = ISSUE_FIGURES.build[spec] ?? {};
    const parse = of(civis, "parseMs");
    const build = of(civis, "buildMs");
    const toParse = summarize(civis.map((r) => r.buildMs / r.parseMs));
    const target = BUILD_TARGET[spec];
    const pass = target ? meets(target, toParse?.median) : undefined;
    if (target) verdicts.push({ name: `build from ${spec} spec`, pass });
    const row = (figure, s, r, t, p) => [figure, num(s?.min), num(s?.median), num(s?.max), r, t, p];
    const rows = [
      row(
        "JSON.parse of the spec text (floor), ms",
        parse,
        "1x",
        issue.parse ? `issue: ${issue.parse}` : "",
        "",
      ),
      row(
        "**civis** build, ms",
        build,
        `${spread(toParse, "x")} of parse`,
        target?.text ?? "",
        mark(pass),
      ),
      row("civis first read of a resource, ms", of(civis, "touchMs"), "", "", ""),
      row("civis first call (loopback), ms", of(civis, "firstCallMs"), "", "", ""),
      row("civis second call (loopback), ms", of(civis, "secondCallMs"), "", "", ""),
    ];
    for (const peer of PEERS) {
      const runs = bySpec.filter((r) => r.client === peer);
      if (runs.length === 0) continue;
      const peerBuild = of(runs, "buildMs");
      const slower = peerBuild && build ? peerBuild.median / build.median : undefined;
      const swaggerTarget = spec === "civis" && peer === "swagger-client";
      const pass50 = swaggerTarget ? meets(TARGETS.swaggerToCivisBuild, slower) : undefined;
      if (swaggerTarget) verdicts.push({ name: "50x faster than swagger-client", pass: pass50 });
      const toOwnParse = summarize(runs.map((r) => r.buildMs / r.parseMs));
      rows.push(
        row(
          `${peer} build, ms`,
          peerBuild,
          `${spread(toOwnParse, "x")} of parse; ${ratio(slower)} civis`,
          [
            swaggerTarget ? TARGETS.swaggerToCivisBuild.text : "",
            issue[peer] ? `issue: ${issue[peer]}` : "",
          ]
            .filter(Boolean)
            .join("; "),
          mark(pass50),
        ),
        row(`${peer} first call (loopback), ms`, of(runs, "firstCallMs"), "", "", ""),
      );
    }
    const first = bySpec[0];
    lines.push(
      `#### ${SPECS[spec].label()}: ${num(first.specBytes / 1024)} KiB, ${first.operations.toLocaleString("en-US")} operations`,
      "",
      table(headers, rows),
      "",
    );
  }
  const heap = heapTable(results, verdicts);
  return { markdown: [...lines, heap].join("\n"), verdicts };
}

function heapTable(results, verdicts) {
  const rows = [];
  for (const spec of Object.keys(SPECS)) {
    for (const client of ["civis", ...PEERS]) {
      const runs = results.filter((r) => r.spec === spec && r.client === client);
      if (runs.length === 0) continue;
      const s = summarize(runs.map((r) => mib(r.heapBytes)));
      const targeted = spec === "civis" && client === "civis";
      const pass = targeted ? meets(TARGETS.heapCivisMiB, s.median) : undefined;
      if (targeted) verdicts.push({ name: "heap added by building (Civis spec)", pass });
      const issue = spec === "civis" ? ISSUE_FIGURES.heap[client] : undefined;
      const target = [targeted ? TARGETS.heapCivisMiB.text : "", issue ? `issue: ${issue}` : ""];
      rows.push([
        `${spec} / ${client}`,
        num(s.min),
        num(s.median),
        num(s.max),
        target.filter(Boolean).join("; "),
        mark(pass),
      ]);
    }
  }
  return [
    "#### Heap added by building (MiB, after `global.gc()`)",
    "",
    table(["spec / client", "min", "median", "max", "target / issue", ""], rows),
    "",
  ].join("\n");
}
