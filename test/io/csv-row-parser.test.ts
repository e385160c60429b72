import Papa from "papaparse";
import { afterEach, expect, it, vi } from "vitest";
import { csvRowParser } from "../../src/io/csv-row-parser.js";

afterEach(() => {
  vi.restoreAllMocks();
});

it("a row longer than many pieces is fed to papaparse a logarithmic number of times, intact", () => {
  // papaparse parses an unfinished row again from its start with each piece it is fed: fed
  // every 64 KiB piece, a 20 MB field took 21 s of CPU. Counting the feeds checks that
  // without a timed assertion.
  const parse = Papa.parse.bind(Papa);
  let feeds = 0;
  vi.spyOn(Papa, "parse").mockImplementation(((
    source: { on: (event: string, listener: (text: string) => void) => unknown },
    config: unknown,
  ) => {
    const on = source.on.bind(source);
    source.on = (event: string, listener: (text: string) => void) =>
      on(
        event,
        event === "data"
          ? (text: string) => {
              feeds++;
              listener(text);
            }
          : listener,
      );
    return parse(source as never, config as never);
  }) as typeof Papa.parse);
  const parser = csvRowParser();
  const field = "x".repeat(4 * 2 ** 20);
  const text = `a,b\n"${field}",1\n2,3\n`;
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += 2 ** 16)
    rows.push(...parser.push(text.slice(i, i + 2 ** 16)));
  rows.push(...parser.end());
  expect(rows).toEqual([
    ["a", "b"],
    [field, "1"],
    ["2", "3"],
  ]);
  // 65 pieces of 64 KiB: each was fed on its own before (65 feeds).
  expect(feeds).toBeLessThan(12);
});
