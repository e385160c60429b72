import { decodeFully } from "../checks/decode-fully.js";

/** One template for every refusal (a module function: a closure per call would cost every call). */
function refused(where: string, name: string, problem: string): TypeError {
  return new TypeError(`${where}: the path parameter "${name}" ${problem}`);
}

/** Percent-encodes one path parameter; `.`/`..` would let the URL parser climb the path. */
export function encodePathParam(where: string, name: string, value: unknown): string {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint") {
    const got = value === null ? "null" : typeof value;
    throw refused(where, name, `must be a string or a number, got ${got}`);
  }
  // NaN and Infinity would be sent as words: never an id the caller meant.
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw refused(where, name, `must be a finite number, got ${value}`);
  }
  const text = String(value);
  if (text === "") throw refused(where, name, "is empty");
  const decoded = decodeFully(text);
  if (decoded === "." || decoded === "..") {
    throw refused(where, name, 'may not be "." or ".." (in any encoding)');
  }
  return encodeURIComponent(text);
}
