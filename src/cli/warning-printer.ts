import { terminalSafe } from "../internal-node.js";

/**
 * Prints a process warning on `stderr`. A deprecation warning quotes the spec: printed
 * with its control characters escaped, where Node's own handler would write them to the
 * terminal.
 */
export function warningPrinter(stderr: { write(text: string): unknown }): (warning: Error) => void {
  return (warning) => {
    stderr.write(`civis: ${terminalSafe(`${warning.name}: ${warning.message}`)}\n`);
  };
}
