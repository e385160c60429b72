const WHOLE_SECONDS = /^\d+$/;
// Stryker disable next-line Regex: equivalent for HTTP dates, whose numeric zones always have four digits
const ZONE_AFTER_TIME = /:\d\d (GMT|UTC|[+-]\d{4})/;

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
  // A zone, if any, follows the time of day (HTTP dates always give seconds), and a comment may follow it
  // ("+0100 (CET)"); without one the date is GMT, not the machine's local time.
  const at = Date.parse(ZONE_AFTER_TIME.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
