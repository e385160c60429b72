/** `*\/` would end the comment early. */
function escapeEnd(text: string): string {
  return text.replaceAll("*/", "*\\/");
}

/**
 * A JSDoc block; one short line stays on one line. Empty text and no tags give no
 * block. A text line that starts with `@` is escaped so it is not read as a tag.
 */
export function docBlock(text: string, indent: string, tags: readonly string[] = []): string {
  const parts: string[] = [];
  if (text !== "") {
    parts.push(escapeEnd(text.replace(/\r\n?/g, "\n")).replace(/^([ \t]*)@/gm, "$1&#64;"));
  }
  for (const tag of tags) parts.push(escapeEnd(tag));
  if (parts.length === 0) return "";
  const joined = parts.join("\n");
  if (joined.length < 80 && !joined.includes("\n")) return `${indent}/** ${joined} */\n`;
  const body = `${indent} * ${joined.replaceAll("\n", `\n${indent} * `)}`.replace(/[ \t]+$/gm, "");
  return `${indent}/**\n${body}\n${indent} */\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A method's JSDoc: its `help()` text in a fenced block, so a hover shows it as
 * `help()` prints it; the fence is longer than any run of backticks in the text.
 */
export function helpDocBlock(
  help: string,
  deprecation: string | undefined,
  indent: string,
): string {
  const longest = Math.max(0, ...(help.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const tags = deprecation === undefined ? [] : [`@deprecated ${oneLine(deprecation)}`];
  return docBlock(`${fence}text\n${help}\n${fence}`, indent, tags);
}
