/**
 * Where textwrap may break inside a word (its `wordsep_re`, here without lookbehind, which
 * older Safari cannot parse): after a hyphen with two letters, or letter-hyphen-letter, on
 * each side (`comma-` `separated`), and on both sides of an em-dash (`--`) between words.
 * `\p{...}` stand for Python's Unicode-aware `\w` and `[^\d\W]`.
 */
const BREAK =
  /(?=([\p{L}\p{Nl}\p{No}_]-?[\p{L}\p{Nl}\p{No}_]-)[\p{L}\p{Nl}\p{No}_]-?[\p{L}\p{Nl}\p{No}_]|[\p{L}\p{N}_!"'&.,?](-{2,})[\p{L}\p{N}_])/gu;

/** A word (no spaces) cut where textwrap may break it. */
function wordPieces(word: string): string[] {
  if (!word.includes("-")) return [word];
  const cuts = new Set([0, word.length]);
  for (const m of word.matchAll(BREAK)) {
    if (m[1]) cuts.add(m.index + m[1].length);
    else cuts.add(m.index + 1).add(m.index + 1 + m[2]!.length);
  }
  const at = [...cuts].sort((x, y) => x - y);
  return at.slice(1).map((end, i) => word.slice(at[i], end));
}

/** Python counts code points, not UTF-16 units. */
function len(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length;
}

/**
 * Python's `textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)`
 * with its defaults, as civis-python calls it: tabs expand to 8-column stops and line
 * breaks become spaces, but runs of spaces stay; lines break at spaces and after hyphens;
 * spaces are dropped at the ends of lines (not before the first word); and a piece longer
 * than a whole line is cut where the line ends, after its last hyphen that fits if any.
 */
export function wrap(text: string, indent: string, width = 79): string {
  // One tab per line per pass: the text before it on its line gives its column.
  while (text.includes("\t")) {
    text = text.replace(/(^|[\n\r])([^\t\n\r]*)\t/g, (_, start: string, before: string) => {
      return start + before + " ".repeat(8 - (len(before) % 8));
    });
  }
  text = text.replace(/[\n\v\f\r]/g, " ");
  const room = width - len(indent);
  // Most text fits on one line as it is: nothing to cut, nothing at its end to drop.
  if (/\S/.test(text.slice(-1)) && len(text) <= room) return indent + text;
  const pieces =
    text.match(/ +|[^ ]+/g)?.flatMap((part) => (part[0] === " " ? part : wordPieces(part))) ?? [];
  const lines: string[] = [];
  let next = 0;
  while (next < pieces.length) {
    // `str.strip()` leaving nothing is what textwrap calls whitespace.
    if (lines.length > 0 && !pieces[next]!.trim()) next++;
    const line: string[] = [];
    let used = 0;
    while (next < pieces.length && used + len(pieces[next]!) <= room) {
      used += len(pieces[next]!);
      line.push(pieces[next++]!);
    }
    if (next < pieces.length && len(pieces[next]!) > room) {
      const chars = [...pieces[next]!];
      const left = room < 1 ? 1 : room - used;
      // No hyphen can end a cut of nothing (and lastIndexOf(-1) would search everything).
      const hyphen = left && chars.lastIndexOf("-", left - 1);
      const end = hyphen > 0 && chars.slice(0, hyphen).some((c) => c !== "-") ? hyphen + 1 : left;
      // Pushed even when empty: then it, not the space before it, is what gets dropped.
      line.push(chars.slice(0, end).join(""));
      // An emptied piece is passed over (Python can loop on one forever when the indent
      // leaves no room).
      if (end < chars.length) pieces[next] = chars.slice(end).join("");
      else next++;
    }
    if (!line.at(-1)?.trim()) line.pop();
    if (line.length > 0) lines.push(indent + line.join(""));
  }
  return lines.join("\n");
}
