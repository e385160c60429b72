/**
 * Python's `textwrap.fill` as civis-python uses it: whitespace collapsed, words
 * filled to `width` columns including the indent, over-long words broken.
 */
export function wrap(text: string, indent: string, width = 79): string {
  const room = Math.max(1, width - indent.length);
  const lines: string[] = [];
  let line = "";
  for (let word of text.match(/\S+/g) ?? []) {
    // A word longer than a line fills lines of its own.
    while (word.length > room) {
      if (line !== "") lines.push(line);
      line = "";
      lines.push(word.slice(0, room));
      word = word.slice(room);
    }
    if (line !== "" && line.length + 1 + word.length <= room) line += ` ${word}`;
    else {
      if (line !== "") lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}
