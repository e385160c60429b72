import { mark, num, table } from "./format.mjs";
import { ISSUE_FIGURES, meets, TARGETS } from "./targets.mjs";

const kb = (bytes) => `${num(bytes / 1024)} KB`;

/** Case 4: minified and gzipped bundle sizes, and where civis's bytes go. */
export function sizeSection(result) {
  const verdicts = [];
  const rows = result.rows.map((row) => {
    if (row.error) return [row.name, "–", "–", `error: ${row.error}`, ""];
    const umd = row.name.startsWith("civis (dist/civis.umd");
    const pass = umd ? meets(TARGETS.umdGzipBytes, row.gzip) : undefined;
    if (umd) verdicts.push({ name: "UMD bundle size", pass });
    const issue = ISSUE_FIGURES.size[row.name];
    const target = [umd ? TARGETS.umdGzipBytes.text : "", issue ? `issue: ${issue}` : ""];
    return [row.name, kb(row.bytes), kb(row.gzip), target.filter(Boolean).join("; "), mark(pass)];
  });
  const top = result.civisBreakdown.slice(0, 12).map(({ file, bytes }) => [file, kb(bytes)]);
  return {
    markdown: [
      table(["bundle", "minified", "gzip -9", "target / issue", ""], rows),
      "",
      "Where civis's minified bytes go (esbuild metafile of `src/browser.ts`, before gzip), largest first:",
      "",
      table(["source", "minified"], top),
      "",
    ].join("\n"),
    verdicts,
  };
}
