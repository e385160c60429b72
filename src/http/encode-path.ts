import { decodeFully } from "../checks/decode-fully.js";

/** Percent-encodes one path parameter; `.`/`..` would let the URL parser climb the path. */
export function encodePathParam(where: string, name: string, value: unknown): string {
  const bad = (problem: string) =>
    new TypeError(`${where}: the path parameter "${name}" ${problem}`);
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint") {
    throw bad(`must be a string or a number, got ${value === null ? "null" : typeof value}`);
  }
  // NaN and Infinity would be sent as words: never an id the caller meant.
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw bad(`must be a finite number, got ${value}`);
  }
  const text = String(value);
  if (text === "") throw bad("is empty");
  const decoded = decodeFully(text);
  if (decoded === "." || decoded === "..") {
    throw bad('may not be "." or ".." (in any encoding)');
  }
  return encodeURIComponent(text);
}
