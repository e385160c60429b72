const WHOLE_SECONDS = /^\d+$/;

/**
 * Reads `Retry-After` as milliseconds: whole seconds or an HTTP date (GMT; a past
 * date is 0). Anything else (`1.5`, `0x10`, `-1`, `inf`, empty) is undefined, so
 * the backoff applies instead.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  // Stryker disable next-line MethodExpression: equivalent through fetch; Headers strip the whitespace around a value, so one read from a response has none
  const text = value.trim();
  if (WHOLE_SECONDS.test(text)) return Number(text) * 1000;
  // An HTTP date always starts with a weekday ("Sun," or RFC 850's "Sunday,", which
  // RFC 9110 still requires recipients to read); this keeps numbers like "1.5" or
  // "-1" from being read as dates by the lenient Date parser.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return undefined;
  const at = Date.parse(/GMT$|UTC$|[+-]\d{4}$/.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
