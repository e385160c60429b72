import type { RecordedRequest } from "../../helpers/http-server.js";
import type { Answer } from "./routes.js";

/** A log line as the API sends it. */
export interface LogLine {
  readonly id: number;
  readonly message: string;
  readonly createdAt: string;
  readonly level: string;
}

export const line = (
  id: number,
  message: string,
  createdAt = `2024-01-01T00:00:0${id % 10}Z`,
): LogLine => ({
  id,
  message,
  createdAt,
  level: "info",
});

/**
 * The logs endpoint as the API behaves: request n sees the lines of the first n batches,
 * those above `last_id` (at most `limit`), with `civis-max-id` (absent before any line) and
 * `civis-cache-control: no-store` until the last batch has been seen. `ignoreLastId` makes
 * it answer every line every time, as a broken endpoint that repeats itself.
 */
export function logRoute(batches: readonly LogLine[][], ignoreLastId = false) {
  let requests = 0;
  return (_req: RecordedRequest, url: URL): Answer => {
    requests++;
    const visible = batches.slice(0, requests).flat();
    const lastId = Number(url.searchParams.get("last_id") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 250);
    const lines = visible
      .filter((l) => ignoreLastId || l.id > lastId)
      .sort((a, b) => a.id - b.id)
      .slice(0, limit);
    const headers: Record<string, string> = {
      "civis-cache-control": requests >= batches.length ? "max-age=600" : "no-store",
    };
    if (visible.length > 0) headers["civis-max-id"] = String(Math.max(...visible.map((l) => l.id)));
    return { body: lines, headers };
  };
}
