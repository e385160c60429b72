/** C0 controls but tab and newline, DEL, and C1 (U+0080-U+009F, where a lone CSI lives). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * Text from a spec or an answer made safe for a terminal: each control character
 * that could move the cursor, retitle the window or ring the bell (ESC, BEL, C1...)
 * is written as `\u001b`. Inside JSON strings that is the same character, so JSON
 * output stays valid and means the same.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
