import { Console } from "node:console";
import { Writable } from "node:stream";
import { clearMemorySpecCache } from "../../../src/cache/spec-cache.js";
import { runCli as runCliMain } from "../../../src/cli/run-cli.js";
import { warningPrinter } from "../../../src/cli/warning-printer.js";
import type { CliRun } from "./cli-binary.js";

/** What the client and the command line read from the process's environment. */
const ENV_READ = /^(CIVIS_|HOME$|XDG_CACHE_HOME$)/;

/** A run changes the process's environment, console and warning listeners: one at a time. */
let queue: Promise<unknown> = Promise.resolve();

function capture(into: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      into.push(String(chunk));
      done();
    },
  });
}

/**
 * Runs the command line as `node cli.js ...args` would with the environment `{ PATH, ...env }`
 * (as {@link spawnCli} does), but in this process: a spawn costs a Node start-up and the
 * bundle's load, most of these tests' time. What a process of its own would give each run is
 * given here and restored after: the environment the client reads, stdout and stderr as pipes
 * (no TTY; `tty` says otherwise for stderr), the console, the warning printer of
 * src/cli/main.ts, and no spec held in memory from an earlier run. The exit code is the one
 * main.ts sets; a command that set process.exitCode itself would be a bug, so that throws.
 */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  options: { readonly tty?: boolean } = {},
): Promise<CliRun> {
  const run = queue.then(() => runNow(args, env, options.tty === true));
  queue = run.catch(() => {});
  return run;
}

async function runNow(
  args: readonly string[],
  env: Record<string, string>,
  tty: boolean,
): Promise<CliRun> {
  const processEnv: Record<string, string> = { PATH: process.env.PATH ?? "", ...env };
  const saved = new Map<string, string | undefined>();
  for (const name of new Set([...Object.keys(process.env), ...Object.keys(env)])) {
    if (ENV_READ.test(name) || name in env) saved.set(name, process.env[name]);
  }
  const stdout: string[] = [];
  const stderr: string[] = [];
  const write = (into: string[]) => (text: string) => into.push(String(text));
  const printers = process.listeners("warning");
  const savedConsole = globalThis.console;
  const exitCode = process.exitCode;
  const printWarning = warningPrinter({ write: write(stderr) });
  for (const name of saved.keys()) delete process.env[name];
  Object.assign(process.env, env);
  for (const printer of printers) process.off("warning", printer);
  process.on("warning", printWarning);
  globalThis.console = new Console(capture(stdout), capture(stderr));
  clearMemorySpecCache();
  try {
    const code = await runCliMain(args, {
      stdout: { write: write(stdout) },
      stderr: tty ? { isTTY: true, write: write(stderr) } : { write: write(stderr) },
      env: processEnv,
    });
    // process.emitWarning reports on a later tick; a process of its own would still print it.
    await new Promise((resolve) => setImmediate(resolve));
    if (process.exitCode !== exitCode) {
      throw new Error(`civis ${args.join(" ")} set process.exitCode to ${process.exitCode}`);
    }
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    process.exitCode = exitCode;
    globalThis.console = savedConsole;
    process.off("warning", printWarning);
    for (const printer of printers) process.on("warning", printer);
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
