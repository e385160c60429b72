/** A test a field's value must pass, and what the value must be, as the error says it. */
export type Rule = readonly [test: (value: unknown) => boolean, mustBe: string];

/** Field name -> its rule, or undefined where the value is checked as it is read. */
export type Rules = Readonly<Record<string, Rule | undefined>>;

export const isFunction = (value: unknown): boolean => typeof value === "function";

/** A duration or a time budget: a number of ms, 0 or more (not NaN). */
export const MS: Rule = [
  (value) => typeof value === "number" && value >= 0,
  "a number of ms, 0 or more",
];

/**
 * Checks an options object field by field: an unknown field is refused with the
 * accepted names, a value that fails its rule with the field's name and what it
 * must be. An undefined or null value counts as not given, so its default applies:
 * the fields given are returned, to spread over the defaults.
 * `prefix` places nested fields (`retries.`).
 */
export function checkFields<T extends object>(given: T, rules: Rules, prefix = ""): Partial<T> {
  const defined: Partial<T> = {};
  for (const [key, value] of Object.entries(given) as [string, T[keyof T]][]) {
    if (!Object.hasOwn(rules, key)) {
      throw new TypeError(
        `unknown option "${prefix}${key}"; accepted: ${Object.keys(rules).join(", ")}`,
      );
    }
    if (value == null) continue;
    const rule = rules[key];
    if (rule && !rule[0](value)) throw new TypeError(`${prefix}${key} must be ${rule[1]}`);
    defined[key as keyof T] = value;
  }
  return defined;
}

/** An AbortSignal (a duck: polyfills and other realms have their own class). */
export const SIGNAL: Rule = [
  (value) => typeof value === "object" && value !== null && "aborted" in value,
  "an AbortSignal",
];

/** A per-attempt timeout: setTimeout fires at once for anything past 2^31-1 ms. */
export const TIMEOUT: Rule = [
  (value) => typeof value === "number" && value > 0 && value <= 2 ** 31 - 1,
  "a number of ms between 1 and 2147483647",
];
