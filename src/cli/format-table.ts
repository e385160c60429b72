const MAX_CELL = 40;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  const line = text.replace(/\s*[\r\n]+\s*/g, " ");
  return line.length > MAX_CELL ? `${line.slice(0, MAX_CELL - 1)}…` : line;
}

function render(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/**
 * A plain-text table: a list of objects as one row each (columns in order of first
 * appearance), one object as `field  value` rows. Nested values are compact JSON,
 * cut at 40 characters; use `--output json` for everything.
 */
export function formatTable(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "(no items)";
    if (!value.every(isRecord))
      return render(
        ["value"],
        value.map((v) => [cell(v)]),
      );
    const columns: string[] = [];
    const seen = new Set<string>();
    for (const item of value) {
      for (const key of Object.keys(item)) {
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
      }
    }
    return render(
      columns,
      value.map((item) => columns.map((c) => cell(item[c]))),
    );
  }
  if (isRecord(value)) {
    return render(
      ["field", "value"],
      Object.entries(value).map(([k, v]) => [k, cell(v)]),
    );
  }
  return cell(value);
}
