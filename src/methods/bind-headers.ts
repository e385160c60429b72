import { checkHeaderName, checkHeaderValue } from "../errors/header-value-error.js";

/** A call's own headers (header parameters, then `init.headers`), each checked as it is set. */
export interface HeaderBag {
  readonly headers: Record<string, string>;
  set(name: string, value: unknown): void;
}

export function headerBag(where: string): HeaderBag {
  const headers: Record<string, string> = {};
  return {
    headers,
    set(name, value) {
      const text = String(value);
      checkHeaderName(where, name);
      checkHeaderValue(`${where}: the header "${name}"`, text);
      headers[name] = text;
    },
  };
}
