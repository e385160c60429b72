import { CivisAPIError } from "../index.js";
import { terminalSafe } from "../internal-node.js";
import { VERSION } from "../version.js";
import { apiKeyOf } from "./api-key.js";
import { BOOLEAN_FLAGS, splitOptions } from "./cli-options.js";
import { callCommand } from "./commands/call.js";
import { filesCommand } from "./commands/files.js";
import { helpCommand } from "./commands/help.js";
import { JOB_COMMANDS, JOB_RUN_FLAGS, jobsCommand } from "./commands/jobs.js";
import { specCommand } from "./commands/spec.js";
import { sqlCommand } from "./commands/sql.js";
import { typegenCommand } from "./commands/typegen.js";
import { formatResult } from "./format-result.js";
import { type CliContext, openClient, SPEC_TIMEOUT_MS } from "./open-client.js";
import { type FlagValues, parseArgs } from "./parse-args.js";
import type { ProgressStream } from "./progress.js";
import { redactor } from "./redact.js";
import { USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

/** The process around the command line, injectable for tests. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Per attempt of the spec download, in ms; tests shorten it. Default {@link SPEC_TIMEOUT_MS}. */
  readonly specTimeoutMs?: number;
}

/** 2: the command line is wrong (a bad option, an unknown parameter); 1: anything else failed. */
function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (error instanceof TypeError && !(error instanceof CivisAPIError)) return 2;
  return 1;
}

function noApiFlags(command: string, apiFlags: ReadonlyMap<string, FlagValues>): void {
  const [first] = apiFlags.keys();
  if (first !== undefined) throw new UsageError(`civis ${command} has no option --${first}`);
}

/** Runs a command; resolves to what it prints on stdout, if anything. */
async function dispatch(
  [command, ...words]: readonly string[],
  apiFlags: ReadonlyMap<string, FlagValues>,
  context: CliContext,
): Promise<string | undefined> {
  const { options } = context;
  if (options.version) return VERSION;
  if (command === undefined) {
    if (options.help) return USAGE;
    throw new UsageError(`a command is needed\n\n${USAGE}`);
  }
  if (command === "spec" || command === "typegen") {
    noApiFlags(command, apiFlags);
    if (options.help) return USAGE;
    return command === "spec" ? specCommand(context) : typegenCommand(context);
  }
  if (command === "help") {
    noApiFlags(command, apiFlags);
    return helpCommand(await openClient(context, true), words);
  }
  // civis/io's commands (README "civis/io"); `civis files get 1` and the like stay API calls.
  const io =
    command === "sql" || (command === "files" && /^(upload|download)$/.test(words[0] ?? ""));
  if (options.output === "csv" && command !== "sql")
    throw new UsageError("--output csv is for civis sql");
  const jobs = command === "jobs" && JOB_COMMANDS.has(words[0] ?? "");
  // The command line's own commands are no resource of the API: their help is the usage.
  if ((io || jobs) && options.help) return USAGE;
  if (io) {
    const client = await openClient(context, false);
    if (command === "files") return filesCommand(client, words, apiFlags, context);
    return sqlCommand(client, words, apiFlags, context, (text) => context.stdout?.write(text));
  }
  const client = await openClient(context, options.help);
  // `civis workflows --help`, `civis workflows list --help`
  if (options.help) return helpCommand(client, [command, ...words.slice(0, 1)]);
  if (jobs) {
    const result = await jobsCommand(client, words, apiFlags, context);
    return result === undefined ? undefined : formatResult(result, options.output);
  }
  const result = await callCommand(client, [command, ...words], apiFlags, context);
  return formatResult(result, options.output);
}

/** Runs one command line; resolves to the exit code. Errors go to stderr, never the key. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let redact = redactor([io.env.CIVIS_API_KEY]);
  try {
    let { positionals, flags } = parseArgs(argv, BOOLEAN_FLAGS);
    // `civis jobs run --wait 301`: --wait takes no value, so 301 is the job id.
    if (positionals[0] === "jobs" && positionals[1] === "run")
      ({ positionals, flags } = parseArgs(argv, JOB_RUN_FLAGS));
    const { options, apiFlags } = splitOptions(flags);
    const key = await apiKeyOf(options, io.env);
    redact = redactor([io.env.CIVIS_API_KEY, key.apiKey]);
    const stdout = { write: (text: string) => io.stdout.write(redact(text)) };
    const context: CliContext = {
      options,
      env: io.env,
      key,
      stderr: io.stderr,
      stdout,
      specTimeoutMs: io.specTimeoutMs ?? SPEC_TIMEOUT_MS,
    };
    const text = await dispatch(positionals, apiFlags, context);
    if (text !== undefined) io.stdout.write(`${terminalSafe(redact(text))}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`civis: ${terminalSafe(redact(message))}\n`);
    return exitCodeOf(error);
  }
}
