const FORBIDDEN = /[\r\n\0]/;
/** What fetch refuses besides: other control characters, and anything outside Latin-1 (a header is bytes). */
const NOT_BYTES = /[^\t\x20-\x7e\x80-\xff]/;
/** An HTTP token (RFC 9110): what fetch accepts as a header name. */
const TOKEN = /^[!#$%&'*+.^`|~\w-]+$/;

/**
 * Refuses header values that could split a request, or that fetch would refuse
 * (then retried as if the connection were lost); the message never repeats the
 * value. `ErrorClass` lets the API key be refused with the client's key error;
 * `sent: false` is for a value sent in another form (the key goes as Base64).
 */
export function checkHeaderValue(
  what: string,
  value: string,
  ErrorClass: new (message: string) => Error = TypeError,
  sent = true,
): void {
  const bad = FORBIDDEN.test(value)
    ? "a CR, LF or NUL character"
    : sent && NOT_BYTES.test(value)
      ? "a control character or one outside Latin-1"
      : undefined;
  if (bad) throw new ErrorClass(`${what} contains ${bad}, which a header cannot carry`);
}

/** Refuses a header name fetch would refuse; a name is no secret, so it is shown. */
export function checkHeaderName(where: string, name: string): void {
  checkHeaderValue(`${where}: a header name`, name);
  if (!TOKEN.test(name)) {
    throw new TypeError(`${where}: ${JSON.stringify(name)} is not a valid header name`);
  }
}
