/** A number for a table: 3 significant digits below 100, whole numbers with separators above. */
export function num(value) {
  if (value === undefined || !Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString("en-US");
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** A ratio: 3 decimals below 10, so a figure at a target's edge (1.10x) shows which side it is on. */
export function ratio(value) {
  if (value === undefined || !Number.isFinite(value)) return "–";
  return `${Math.abs(value) < 10 ? value.toFixed(3) : num(value)}x`;
}

/** `median (min–max)` of a summary from stats.mjs; ratios with `unit` "x". */
export function spread(summary, unit = "") {
  if (!summary) return "–";
  const f = unit === "x" ? (v) => ratio(v).slice(0, -1) : num;
  if (summary.min === summary.max) return `${f(summary.median)}${unit}`;
  return `${f(summary.median)}${unit} (${f(summary.min)}–${f(summary.max)})`;
}

export const mark = (pass) => (pass === undefined ? "" : pass ? "pass ✓" : "MISS ✗");

export const mib = (bytes) => bytes / 2 ** 20;

/** A Markdown table. */
export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
