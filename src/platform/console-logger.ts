import { LEVELS, type Logger, type LogMethod } from "../http/logger.js";
import { terminalSafe } from "./terminal-safe.js";

/**
 * A console logger from a level name (`CIVIS_LOG_LEVEL`): that level and the ones
 * above it, all on stderr so a program's own output stays clean. A line can quote a spec
 * or an answer (a deprecation's words, an error), so its control characters are escaped
 * rather than written to the terminal.
 */
export function consoleLogger(level: string): Logger {
  const from = LEVELS.indexOf(level.toLowerCase() as (typeof LEVELS)[number]);
  if (from < 0 || from > 2) {
    throw new TypeError(
      `CIVIS_LOG_LEVEL must be one of debug, info, warn; got ${JSON.stringify(level)}`,
    );
  }
  const logger: Record<string, LogMethod> = {};
  for (const name of LEVELS.slice(from)) {
    logger[name] = (message) => console.error(terminalSafe(`civis ${name}: ${message}`));
  }
  return logger;
}
