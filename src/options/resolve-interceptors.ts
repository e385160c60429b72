import { CivisAPIKeyError } from "../errors/civis-api-key-error.js";
import { checkHeaderValue } from "../errors/header-value-error.js";
import type { Interceptors } from "../http/attempt-watch.js";
import { basicAuth } from "../http/basic-auth.js";
import { checkHooks } from "../http/hooks.js";
import { rateLimitGate } from "../http/rate-limit-gate.js";
import type { ResolvedRetryPolicy } from "../http/retry-policy.js";
import type { Platform } from "../platform/platform.js";
import type { ClientOptions } from "./client-options.js";
import { DEFAULTS } from "./defaults.js";

/** An API key function's answer as an Authorization value; a bad answer says so without repeating it. */
function keyHeader(source: () => string | Promise<string>): () => Promise<string> {
  return async () => {
    const key = await source();
    if (typeof key !== "string" || key === "") {
      throw new CivisAPIKeyError("The apiKey function must return a non-empty string");
    }
    checkHeaderValue("The API key", key, CivisAPIKeyError, false);
    return basicAuth(key);
  };
}

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
  const authorization = apiKey && keyHeader(apiKey);
  if (!hooks && !logger && !maxConcurrent && !gate && !authorization) return undefined;
  return { hooks, logger, maxConcurrent, gate, authorization };
}
