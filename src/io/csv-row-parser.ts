import Papa from "papaparse";

/** Feeds CSV text in pieces of any size and takes back the rows completed so far. */
export interface CsvRowParser {
  /** Parses a piece of text; returns the rows it completed. */
  push(text: string): string[][];
  /** The input has ended: returns the last rows. */
  end(): string[][];
}

/** A row still open when the text ended (a quote never closed) means the data was cut. */
const CUT = "MissingQuotes";

/**
 * An incremental CSV parser on papaparse's streaming parser (README "civis/io": why papaparse).
 * papaparse streams Node readables; a minimal readable-shaped source lets it stream any text
 * chunks, in browsers too, and it carries a row split across chunks (inside quotes too) over
 * to the next one. Comma-delimited (Civis exports), double quotes; the line ending (LF or CRLF)
 * is guessed from the first whole line, so the first piece is held until it has one.
 */
export function csvRowParser(delimiter = ","): CsvRowParser {
  const listeners: Record<string, (value?: unknown) => void> = {};
  const source = {
    readable: true,
    read: () => null,
    on(event: string, listener: (value?: unknown) => void) {
      listeners[event] = listener;
      return source;
    },
    removeListener: () => source,
    pause: () => source,
    resume: () => source,
  };
  let rows: string[][] = [];
  let failure: Error | undefined;
  let held = "";
  let started = false;
  // Characters given to papaparse since it last completed a row (see `push`).
  let unfinished = 0;
  Papa.parse(source as unknown as NodeJS.ReadableStream, {
    delimiter,
    quoteChar: '"',
    chunk(results: Papa.ParseResult<string[]>) {
      for (const row of results.data) rows.push(row);
      const cut = results.errors.find((error) => error.code === CUT);
      if (cut) failure ??= new Error(`the CSV ends inside a quoted field (row ${cut.row ?? "?"})`);
    },
    error(error: Error) {
      failure ??= error;
    },
    // Every row has been taken from `chunk` already.
    complete() {},
  });
  const take = (): string[][] => {
    if (failure) throw failure;
    const done = rows;
    rows = [];
    return done;
  };
  const feed = (text: string) => {
    if (text) listeners.data?.(text);
  };
  return {
    push(text) {
      held += text;
      // A line end followed by one more character: the line ending is then certain (CR or CRLF).
      if (!started && !/[\r\n][\s\S]/.test(held)) return [];
      started = true;
      // papaparse parses an unfinished row again from its start with each piece it is fed, so
      // a long row cost time quadratic in its length (a 20 MB field: 21 s). Fed once the text
      // held is as long as the unfinished row, it parses each character a few times at most.
      if (held.length < unfinished) return [];
      feed(held);
      unfinished = rows.length ? 0 : unfinished + held.length;
      held = "";
      return take();
    },
    end() {
      feed(held);
      held = "";
      listeners.end?.();
      return take();
    },
  };
}
