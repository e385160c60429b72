// Python's `\w` and `[^\d\W]` are Unicode-aware; these are their nearest property classes.
const WORD = "[\\p{L}\\p{N}_]";
const LETTER = "[\\p{L}\\p{Nl}\\p{No}_]";
const WORD_PUNCT = `[\\p{L}\\p{N}_!"'&.,?]`;

/**
 * The pieces a line may break between, as `textwrap` cuts them: runs of spaces, em-dashes
 * (`--`) between words, and words, a hyphenated word ending after each hyphen that has two
 * letters before it (or letter-hyphen-letter) and letters after it (`comma-`, `separated`).
 */
const CHUNK = new RegExp(
  ` +|(?<=${WORD_PUNCT})-{2,}(?=${WORD})|[^ ]+?(?:-(?:(?<=${LETTER}{2}-)|(?<=${LETTER}-${LETTER}-))(?=${LETTER}-?${LETTER})|(?= |$)|(?<=${WORD_PUNCT})(?=-{2,}${WORD}))`,
  "gu",
);

/** Python counts code points, not UTF-16 units. */
function len(text: string): number {
  return [...text].length;
}

/** Python's `str.expandtabs()`: a tab pads to the next multiple of 8 columns. */
function expandTabs(text: string): string {
  if (!text.includes("\t")) return text;
  let out = "";
  let column = 0;
  for (const ch of text) {
    if (ch === "\t") {
      const pad = 8 - (column % 8);
      out += " ".repeat(pad);
      column += pad;
    } else {
      out += ch;
      column = ch === "\n" || ch === "\r" ? 0 : column + 1;
    }
  }
  return out;
}

/** Whether textwrap counts a piece as whitespace (`str.strip()` leaves nothing). */
function blank(piece: string): boolean {
  return piece.trim() === "";
}

/**
 * Python's `textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)`
 * with its defaults, as civis-python calls it: line breaks and tabs become spaces but runs
 * of spaces stay, lines break at spaces and after hyphens, spaces are dropped only at the
 * ends of lines (and not before the first word), and a piece longer than a whole line is
 * cut where the line ends (after its last hyphen that fits, if any).
 */
export function wrap(text: string, indent: string, width = 79): string {
  const pieces =
    expandTabs(text)
      .replace(/[\n\v\f\r]/g, " ")
      .match(CHUNK) ?? [];
  const room = width - len(indent);
  const lines: string[] = [];
  let next = 0;
  while (next < pieces.length) {
    if (lines.length > 0 && blank(pieces[next]!)) next++;
    const line: string[] = [];
    let used = 0;
    while (next < pieces.length && used + len(pieces[next]!) <= room) {
      used += len(pieces[next]!);
      line.push(pieces[next++]!);
    }
    if (next < pieces.length && len(pieces[next]!) > room) {
      const chars = [...pieces[next]!];
      const left = room < 1 ? 1 : room - used;
      let end = left;
      const hyphen = left > 0 ? chars.lastIndexOf("-", left - 1) : -1;
      if (hyphen > 0 && chars.slice(0, hyphen).some((c) => c !== "-")) end = hyphen + 1;
      // Pushed even when empty: then it, not the space before it, is what gets dropped.
      line.push(chars.slice(0, end).join(""));
      // An emptied piece is passed over (Python can loop on one forever when the indent
      // leaves no room).
      if (end >= chars.length) next++;
      else pieces[next] = chars.slice(end).join("");
    }
    if (line.length > 0 && blank(line[line.length - 1]!)) line.pop();
    if (line.length > 0) lines.push(indent + line.join(""));
  }
  return lines.join("\n");
}
