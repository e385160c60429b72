import type { FlagValues } from "./parse-args.js";
import { UsageError } from "./usage-error.js";

export type OutputFormat = "json" | "raw" | "table" | "csv";

/** The command line's own options; every other `--flag` is an API parameter. */
export interface CliOptions {
  readonly apiKey?: string;
  readonly apiKeyFile?: string;
  readonly baseUrl?: string;
  readonly output: OutputFormat;
  readonly refresh: boolean;
  readonly spec?: string;
  readonly jsonBody?: string;
  readonly out?: string;
  readonly check: boolean;
  readonly typeName?: string;
  readonly iterator: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

type ValueOption =
  | "apiKey"
  | "apiKeyFile"
  | "baseUrl"
  | "output"
  | "spec"
  | "jsonBody"
  | "out"
  | "typeName";
type BooleanOption = "refresh" | "check" | "iterator" | "help" | "version";

const VALUE_OPTIONS: Readonly<Record<string, ValueOption>> = {
  "api-key": "apiKey",
  "api-key-file": "apiKeyFile",
  "base-url": "baseUrl",
  output: "output",
  spec: "spec",
  "json-body": "jsonBody",
  out: "out",
  "type-name": "typeName",
};

const BOOLEAN_OPTIONS: Readonly<Record<string, BooleanOption>> = {
  refresh: "refresh",
  check: "check",
  iterator: "iterator",
  help: "help",
  version: "version",
};

/** Flags that never take a value, for `parseArgs`. */
export const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(Object.keys(BOOLEAN_OPTIONS));

const OUTPUTS: ReadonlySet<string> = new Set<OutputFormat>(["json", "raw", "table", "csv"]);

/** Separates the command line's options (in kebab- or snake_case) from the API parameters. */
export function splitOptions(flags: ReadonlyMap<string, FlagValues>): {
  options: CliOptions;
  apiFlags: Map<string, FlagValues>;
} {
  const values: Partial<Record<ValueOption, string>> = {};
  const switches: Partial<Record<BooleanOption, boolean>> = {};
  const apiFlags = new Map<string, FlagValues>();
  for (const [name, given] of flags) {
    const canonical = name.replaceAll("_", "-");
    const valueOption = Object.hasOwn(VALUE_OPTIONS, canonical)
      ? VALUE_OPTIONS[canonical]
      : undefined;
    const booleanOption = Object.hasOwn(BOOLEAN_OPTIONS, canonical)
      ? BOOLEAN_OPTIONS[canonical]
      : undefined;
    if (valueOption) {
      const [value, ...rest] = given;
      if (rest.length > 0) throw new UsageError(`--${canonical} is given more than once`);
      if (value === true) throw new UsageError(`--${canonical} needs a value`);
      values[valueOption] = value;
    } else if (booleanOption) {
      if (given.some((v) => v !== true)) throw new UsageError(`--${canonical} takes no value`);
      switches[booleanOption] = true;
    } else {
      apiFlags.set(name, given);
    }
  }
  const output = values.output ?? "json";
  if (!OUTPUTS.has(output)) {
    throw new UsageError(
      `--output must be json, raw or table, not "${output}" (civis sql also takes csv)`,
    );
  }
  return {
    options: {
      ...values,
      output: output as OutputFormat,
      refresh: switches.refresh === true,
      check: switches.check === true,
      iterator: switches.iterator === true,
      help: switches.help === true,
      version: switches.version === true,
    },
    apiFlags,
  };
}
