/** Every default of the client, in one place. */
export const DEFAULTS = {
  baseUrl: "https://api.civisanalytics.com/",
  apiVersion: "1.0",
  returnType: "snake",
  userAgent: "civis-js",
  specCacheTtlMs: 24 * 60 * 60 * 1000,
  replSpecCacheTtlMs: 15 * 60 * 1000,
  rateLimit: "pause",
} as const;
