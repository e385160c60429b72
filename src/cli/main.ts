// The `civis` command (`bin` in package.json), built to dist/cli.js.
import { runCli } from "./run-cli.js";
import { terminalSafe } from "./terminal-safe.js";

// `civis ... | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

// A deprecation warning quotes the spec: printed here, with its control characters
// escaped, instead of by Node's own handler, which would write them to the terminal.
process.removeAllListeners("warning");
process.on("warning", (warning) => {
  process.stderr.write(`civis: ${terminalSafe(`${warning.name}: ${warning.message}`)}\n`);
});

// Not a top-level await: that would pause this bundle's evaluation here, before the modules
// rollup inlines after it (the client's lazily loaded lookups) are defined.
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
