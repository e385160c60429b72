const FORBIDDEN = /[\r\n\0]/;

/**
 * Refuses header values that could split a request; the message never repeats the value.
 * `ErrorClass` lets the API key be refused with the client's key error.
 */
export function checkHeaderValue(
  what: string,
  value: string,
  ErrorClass: new (message: string) => Error = TypeError,
): void {
  if (FORBIDDEN.test(value)) {
    throw new ErrorClass(`${what} contains a CR, LF or NUL character, which a header cannot carry`);
  }
}
