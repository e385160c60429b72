import { mark, num, ratio, spread, table } from "./format.mjs";
import { summarize } from "./stats.mjs";

const kb = (bytes) => `${num(bytes / 1024)} KB`;

/** Case 6: civis/io's CSV library choice, readCivisSql, and transfers against raw fetch. */
export function ioSection({ csv, sizes, transfer }) {
  const verdicts = [];
  const libs = Object.keys(csv[0]?.parse ?? {});
  const rows = libs.map((lib) => [
    lib,
    spread(summarize(csv.map((run) => run.parse[lib].rowsPerSec))),
    sizes[lib] === undefined ? "–" : kb(sizes[lib]),
    {
      papaparse: "yes (any text chunks, browsers too)",
      "csv-parse": "Node streams; browsers need a 24 KB polyfilled build",
      "d3-dsv": "no",
      udsv: "chunks, but splits rows at chunk edges (CRLF, a first chunk without quotes)",
    }[lib] ?? "",
  ]);
  const sql = summarize(
    csv.map(
      (run) => run.readCivisSql.civis.rowsPerSec / run.readCivisSql.papaparseAlone.rowsPerSec,
    ),
  );
  const t = (key) => summarize(transfer.map((run) => run[key]));
  const up = summarize(
    transfer.filter((r) => r.mb === 200).map((r) => r.civisUpload / r.rawUpload),
  );
  const down = summarize(
    transfer.filter((r) => r.mb === 200).map((r) => r.civisDownload / r.rawDownload),
  );
  const rss = (mb, key) =>
    summarize(transfer.filter((r) => r.mb === mb).map((r) => r[key] / 2 ** 20));
  const upPass = up ? up.median >= 0.9 : undefined;
  const downPass = down ? down.median >= 0.9 : undefined;
  const flat = (key) => {
    const small = rss(50, key)?.median;
    const big = rss(200, key)?.median;
    return small && big ? big < small * 1.5 : undefined;
  };
  verdicts.push({ name: "io upload within 10% of raw fetch (200 MB)", pass: upPass });
  verdicts.push({ name: "io download within 10% of raw fetch (200 MB)", pass: downPass });
  verdicts.push({
    name: "io memory flat from 50 MB to 200 MB",
    pass: flat("uploadPeakRss") && flat("downloadPeakRss"),
  });
  return {
    markdown: [
      `CSV parse speed on ${num(csv[0]?.rows)} generated rows (a quoted field in every row; commas, quotes and newlines in some), median (min–max) over processes; minified gzip -9 size of each library in a browser bundle:`,
      "",
      table(["library", "rows/s", "gzip", "streams"], rows),
      "",
      `readCivisSql end to end against the sample API in the same process (the API running the SQL, writing and gzipping the CSV: ${spread(summarize(csv.map((run) => run.readCivisSql.civis.exportMs)))} ms of each run; then the polls, download, gunzip and streamed parse) at ${spread(summarize(csv.map((run) => run.readCivisSql.civis.rowsPerSec)))} rows/s, against papaparse alone on the same text in memory: ${spread(sql, "x")}.`,
      "",
      table(
        ["transfer (MB/s, loopback)", "civis/io", "raw fetch", "civis/raw", ""],
        [
          [
            "upload 200 MB (multipart, 4 at a time)",
            spread(t("civisUpload")),
            spread(t("rawUpload")),
            up ? ratio(up.median) : "–",
            mark(upPass),
          ],
          [
            "download 200 MB (to a file)",
            spread(t("civisDownload")),
            spread(t("rawDownload")),
            down ? ratio(down.median) : "–",
            mark(downPass),
          ],
        ],
      ),
      "",
      `Peak RSS of the civis/io runs, MiB: upload ${spread(rss(50, "uploadPeakRss"))} at 50 MB, ${spread(rss(200, "uploadPeakRss"))} at 200 MB; download ${spread(rss(50, "downloadPeakRss"))} at 50 MB, ${spread(rss(200, "downloadPeakRss"))} at 200 MB.`,
      "",
    ].join("\n"),
    verdicts,
  };
}
