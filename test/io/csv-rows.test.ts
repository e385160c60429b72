import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { csvRows } from "../../src/io/csv-rows.js";

/** A body that arrives in pieces of the given sizes (then the rest). */
function body(bytes: Uint8Array, sizes: number[] = []): ReadableStream<Uint8Array> {
  let at = 0;
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const size = sizes.length ? sizes[i++ % sizes.length]! : bytes.length;
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function rowsOf(text: string | Uint8Array, sizes?: number[]): Promise<string[][]> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const rows: string[][] = [];
  for await (const row of csvRows(body(bytes, sizes))) rows.push(row);
  return rows;
}

const TRICKY =
  'a,b,c\r\n1,"x, y","he said ""hi"""\r\n2,"multi\r\nline",\r\n3,,"end"\r\n"",4,"a\nb"\r\n';
const EXPECTED = [
  ["a", "b", "c"],
  ["1", "x, y", 'he said "hi"'],
  ["2", "multi\r\nline", ""],
  ["3", "", "end"],
  ["", "4", "a\nb"],
];

describe("csvRows", () => {
  it("reads quoted commas, quotes and newlines, CRLF or LF, whole or in any pieces", async () => {
    expect(await rowsOf(TRICKY)).toEqual(EXPECTED);
    for (const sizes of [[1], [2, 3], [5, 1, 7], [4]]) {
      expect(await rowsOf(TRICKY, sizes), `pieces ${sizes}`).toEqual(EXPECTED);
    }
    const lf = TRICKY.replaceAll("\r\n", "\n");
    expect(await rowsOf(lf, [3, 1])).toEqual(
      EXPECTED.map((row) => row.map((v) => v.replace("\r\n", "\n"))),
    );
  });

  it("drops a UTF-8 byte-order mark, even split across pieces, and keeps multi-byte characters", async () => {
    expect(await rowsOf("\uFEFFname,city\nJosé,Zürich\n", [1])).toEqual([
      ["name", "city"],
      ["José", "Zürich"],
    ]);
  });

  it("decompresses gzip (found by its magic number), in any pieces", async () => {
    const zipped = gzipSync(Buffer.from(TRICKY));
    expect(await rowsOf(zipped)).toEqual(EXPECTED);
    expect(await rowsOf(zipped, [1, 9])).toEqual(EXPECTED);
  });

  it("reads concatenated gzip members as one stream (as a multi-part export may be)", async () => {
    const two = Buffer.concat([gzipSync("a,b\n1,2\n"), gzipSync("3,4\n")]);
    expect(await rowsOf(two)).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("gives no rows for an empty body and the header alone for a header-only one", async () => {
    expect(await rowsOf("")).toEqual([]);
    expect(await rowsOf(gzipSync(""))).toEqual([]);
    expect(await rowsOf("a,b\n")).toEqual([["a", "b"]]);
    expect(await rowsOf("a,b")).toEqual([["a", "b"]]);
  });

  it("keeps a one-column CSV's empty values and never guesses another delimiter", async () => {
    expect(await rowsOf("note\n\nx;y\n")).toEqual([["note"], [""], ["x;y"]]);
  });

  it("fails when the data ends inside a quoted field (a cut download)", async () => {
    await expect(rowsOf('a,b\n1,"never closed\n')).rejects.toThrow(/ends inside a quoted field/);
  });
});
