import { checkHeaderValue } from "../errors/header-value-error.js";
import { VERSION } from "../version.js";

const JOB_HEADERS = [
  ["CIVIS_JOB_ID", "X-Civis-Job-ID"],
  ["CIVIS_RUN_ID", "X-Civis-Run-ID"],
] as const;

/**
 * What only Node sends: the user agent with the Node and civis versions, and the
 * job and run ids of a Civis container script. Browsers set their own user agent
 * and have no environment, so none of this is in the browser builds.
 */
export function nodeHeaders(
  userAgent: string,
  env: (name: string) => string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    "User-Agent": `${userAgent} (Node ${process.version}; civis ${VERSION})`,
  };
  for (const [variable, header] of JOB_HEADERS) {
    const value = env(variable);
    if (value === undefined) continue;
    checkHeaderValue(variable, value);
    headers[header] = value;
  }
  return headers;
}
