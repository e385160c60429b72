import type { Interceptors } from "../http/attempt-watch.js";
import { checkHooks } from "../http/hooks.js";
import { rateLimitGate } from "../http/rate-limit-gate.js";
import type { ResolvedRetryPolicy } from "../http/retry-policy.js";
import type { Platform } from "../platform/platform.js";
import type { ClientOptions } from "./client-options.js";
import { DEFAULTS } from "./defaults.js";

/**
 * The hooks, logger, queue, rate-limit pause and key function of one client
 * (a new queue and pause per client); undefined when none applies.
 */
export function resolveInterceptors(
  given: ClientOptions,
  apiKey: (() => string | Promise<string>) | undefined,
  retry: ResolvedRetryPolicy,
  platform: Platform,
): Interceptors | undefined {
  const hooks = checkHooks(given.hooks, "hooks");
  const logger = given.logger ?? platform.logger();
  const { maxConcurrent } = given;
  const gate =
    (given.rateLimit ?? DEFAULTS.rateLimit) === "pause"
      ? rateLimitGate(retry.maxElapsedMs)
      : undefined;
  const authorization = apiKey;
  if (!hooks && !logger && !maxConcurrent && !gate && !authorization) return undefined;
  return { hooks, logger, maxConcurrent, gate, authorization };
}
