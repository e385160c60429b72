// The `civis` command (`bin` in package.json), built to dist/cli.js.
import { runCli } from "./run-cli.js";
import { warningPrinter } from "./warning-printer.js";

// `civis ... | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

// Node's own printer would write a warning's control characters to the terminal.
process.removeAllListeners("warning");
process.on("warning", warningPrinter(process.stderr));

// Not a top-level await: that would pause this bundle's evaluation here, before the modules
// rollup inlines after it (the client's lazily loaded lookups) are defined.
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
