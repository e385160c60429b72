import { decodeFully } from "../checks/decode-fully.js";

/** Percent-encodes one path parameter; `.`/`..` would let the URL parser climb the path. */
export function encodePathParam(where: string, name: string, value: unknown): string {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint") {
    const got = value === null ? "null" : typeof value;
    throw new TypeError(
      `${where}: the path parameter "${name}" must be a string or a number, got ${got}`,
    );
  }
  // NaN and Infinity would be sent as words: never an id the caller meant.
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new TypeError(
      `${where}: the path parameter "${name}" must be a finite number, got ${value}`,
    );
  }
  const text = String(value);
  if (text === "") throw new TypeError(`${where}: the path parameter "${name}" is empty`);
  const decoded = decodeFully(text);
  if (decoded === "." || decoded === "..") {
    throw new TypeError(
      `${where}: the path parameter "${name}" may not be "." or ".." (in any encoding)`,
    );
  }
  return encodeURIComponent(text);
}
