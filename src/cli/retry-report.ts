import { CivisNetworkError, type RetryInfo } from "../index.js";
import { terminalSafe } from "../internal-node.js";
import type { ProgressStream } from "./progress.js";

/** The platform's error codes a person reads more easily as words. */
const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed",
  ETIMEDOUT: "timed out",
  UND_ERR_CONNECT_TIMEOUT: "timed out",
  UND_ERR_SOCKET: "connection lost",
};

/** Why an attempt got no answer, in a few words. */
export function noAnswerReason(error: Error): string {
  if (error instanceof CivisNetworkError && error.timedOut) return "timed out";
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  if (code !== undefined) return REASONS[code] ?? code;
  return typeof cause?.message === "string" && cause.message !== "" ? cause.message : "no answer";
}

function duration(ms: number): string {
  return ms < 950 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;
}

/**
 * One line about a retry: what failed, how long the wait is, which attempt comes next. The
 * error quotes the answer, so its control characters are escaped, as in every other line.
 */
export function retryLine(info: RetryInfo, baseUrl: string): string {
  const what =
    info.status === undefined
      ? `no answer from ${baseUrl} (${noAnswerReason(info.error)})`
      : info.error.message;
  return `civis: ${terminalSafe(what)}; retrying in ${duration(info.waitMs)}, attempt ${info.attempt + 1} of ${info.maxAttempts}\n`;
}

/**
 * The CLI's `onRetry`: every wait is said on stderr as it starts (on a terminal or not),
 * so a wrong URL or a busy API never looks like a hang.
 */
export function retryReporter(stderr: ProgressStream, baseUrl: string): (info: RetryInfo) => void {
  return (info) => {
    stderr.write(retryLine(info, baseUrl));
  };
}
