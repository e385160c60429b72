import type { Interceptors } from "../http/attempt-watch.js";
import { checkHooks } from "../http/hooks.js";
import { rateLimitGate } from "../http/rate-limit-gate.js";
import type { ResolvedRetryPolicy } from "../http/retry-policy.js";
import type { Platform } from "../platform/platform.js";
import type { ClientOptions } from "./client-options.js";
import { DEFAULTS } from "./defaults.js";

/**
 * The hooks, logger, queue, rate-limit pause and key function of one client
 * (a new queue and pause per client). Each is undefined when not given: send.ts then adds
 * nothing to an attempt.
 */
export function resolveInterceptors(
  given: ClientOptions,
  apiKey: (() => string | Promise<string>) | undefined,
  retry: ResolvedRetryPolicy,
  platform: Platform,
): Interceptors {
  const hooks = checkHooks(given.hooks, "hooks");
  const logger = given.logger ?? platform.logger();
  const gate =
    (given.rateLimit ?? DEFAULTS.rateLimit) === "pause"
      ? rateLimitGate(retry.maxElapsedMs)
      : undefined;
  return { hooks, logger, maxConcurrent: given.maxConcurrent, gate, authorization: apiKey };
}
