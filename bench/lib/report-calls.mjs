import { mark, num, spread, table } from "./format.mjs";
import { summarize } from "./stats.mjs";
import { ISSUE_FIGURES, meets, TARGETS } from "./targets.mjs";

const MODES = {
  seqUs: "one GET, sequential (µs per call)",
  c16Us: "one GET, 16 at once (µs per call)",
  pagesMs: "list of 50 pages × 10 items (ms per list)",
};

/** Case 3: per-call cost, as ratios to fetch and ofetch measured in the same process. */
export function callsSection(results) {
  const verdicts = [];
  const lines = [];
  const clients = Object.keys(results[0]?.seqUs ?? {});
  for (const [mode, title] of Object.entries(MODES)) {
    const rows = clients.map((client) => {
      const s = summarize(results.map((r) => r[mode][client]));
      const toFetch = summarize(results.map((r) => r.ratioToFetch[mode][client]));
      const toOfetch = summarize(results.map((r) => r.ratioToOfetch[mode][client]));
      const targeted = client === "civis" && mode !== "pagesMs";
      const pass = targeted ? meets(TARGETS.callToFetch, toFetch.median) : undefined;
      if (targeted)
        verdicts.push({
          name: `per call vs fetch, ${mode === "seqUs" ? "sequential" : "16 at once"}`,
          pass,
        });
      const issue = ISSUE_FIGURES.calls[client]?.[mode];
      const target = [
        targeted ? TARGETS.callToFetch.text : "",
        issue ? `issue: ${issue} fetch` : "",
      ];
      const name = client.startsWith("civis") ? `**${client}**` : client;
      return [
        name,
        num(s.min),
        num(s.median),
        num(s.max),
        spread(toFetch, "x"),
        spread(toOfetch, "x"),
        target.filter(Boolean).join("; "),
        mark(pass),
      ];
    });
    lines.push(
      `#### ${title}`,
      "",
      table(["client", "min", "median", "max", "× fetch", "× ofetch", "target / issue", ""], rows),
      "",
    );
  }
  return { markdown: lines.join("\n"), verdicts };
}
