import { ListResponse, Response } from "../index.js";
import type { OutputFormat } from "./cli-options.js";
import { formatTable } from "./format-table.js";

/** `raw`: the body as the API sent it; otherwise the snake_case copy that `json()` gives. */
function plainOf(value: unknown, raw: boolean): unknown {
  if (value instanceof Response) return raw ? value.json_data : value.json();
  if (value instanceof ListResponse) return raw ? value.json_data : value.json();
  if (Array.isArray(value)) return value.map((item) => plainOf(item, raw));
  return value;
}

/**
 * What the command line prints for an answer: pretty JSON (`json`), the body as
 * sent on one line (`raw`), or a table. An empty answer (204) prints nothing.
 */
export function formatResult(result: unknown, format: OutputFormat): string | undefined {
  const plain = plainOf(result, format === "raw");
  if (plain === null || plain === undefined) return undefined;
  if (format === "table") return formatTable(plain);
  return JSON.stringify(plain, null, format === "raw" ? undefined : 2);
}
