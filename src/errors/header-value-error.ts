const FORBIDDEN = /[\r\n\0]/;

/** Refuses header values that could split a request; the message never repeats the value. */
export function checkHeaderValue(what: string, value: string): void {
  if (FORBIDDEN.test(value)) {
    throw new TypeError(`${what} contains a CR, LF or NUL character, which a header cannot carry`);
  }
}
