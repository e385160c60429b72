import { randomExponential } from "../http/backoff.js";
import type { ResolvedRetryPolicy } from "../http/retry-policy.js";

/** civis-python's policy: random exponential waits (multiplier 2 s, at most 60 s), 10 attempts or 600 s. */
const retries: ResolvedRetryPolicy = {
  maxAttempts: 10,
  maxElapsedMs: 600_000,
  backoff: (attempt) => randomExponential(attempt, 2000, 60_000),
  onRetry: undefined,
};

/** Every default of the client, in one place. */
export const DEFAULTS = {
  baseUrl: "https://api.civisanalytics.com/",
  apiVersion: "1.0",
  returnType: "snake",
  userAgent: "civis-js",
  retries,
  specCache: "auto",
  // 24 hours and 15 minutes, written out: bundlers count arithmetic at the top level as code to keep.
  specCacheTtlMs: 86_400_000,
  replSpecCacheTtlMs: 900_000,
  rateLimit: "pause",
} as const;
