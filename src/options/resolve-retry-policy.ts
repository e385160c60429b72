import { checkFields, isFunction, MS, type Rule } from "../checks/check-fields.js";
import type { ResolvedRetryPolicy, RetryPolicy } from "../http/retry-policy.js";
import { DEFAULTS } from "./defaults.js";

/** An integer of at least 1 (a number of attempts, of requests at once). */
export const isCount = (value: unknown): boolean =>
  Number.isInteger(value) && (value as number) >= 1;

/** What each field of a user's policy must be. */
const POLICY_RULES: Record<keyof RetryPolicy, Rule> = {
  maxAttempts: [isCount, "an integer of at least 1"],
  maxElapsedMs: MS,
  backoff: [isFunction, "a function (attempt) => ms"],
  onRetry: [isFunction, "a function"],
};

/** Validates a user's policy; a bad one is a TypeError naming the field. */
export function resolveRetryPolicy(policy: RetryPolicy | false | undefined): ResolvedRetryPolicy {
  if (policy === false) return { ...DEFAULTS.retries, maxAttempts: 1 };
  if (policy === undefined) return DEFAULTS.retries;
  if (typeof policy !== "object" || policy === null) {
    throw new TypeError("retries must be a retry policy object or false");
  }
  return { ...DEFAULTS.retries, ...checkFields(policy, POLICY_RULES, "retries.") };
}
