/** A flag's values in order: `true` for a flag given without a value. */
export type FlagValues = readonly (string | true)[];

/** A command line split into words and `--flags`. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** By name as written (without `--`), in the order first seen. */
  readonly flags: ReadonlyMap<string, FlagValues>;
}

/**
 * Splits argv into positionals and flags: `--name value`, `--name=value`, and
 * `--name` alone (then `true`) when the next word is another flag, there is none,
 * or the flag is one of `booleans` (kebab-case; `_` reads as `-`). A repeated flag keeps every value. `--` ends
 * the flags. A value may start with a single `-` (`--offset -5`).
 */
export function parseArgs(argv: readonly string[], booleans: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, (string | true)[]>();
  const add = (name: string, value: string | true) => {
    const values = flags.get(name);
    if (values) values.push(value);
    else flags.set(name, [value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith("--") || word.length === 2) {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    if (eq !== -1) {
      add(word.slice(2, eq), word.slice(eq + 1));
      continue;
    }
    const name = word.slice(2);
    const next = argv[i + 1];
    if (booleans.has(name.replaceAll("_", "-")) || next === undefined || next.startsWith("--"))
      add(name, true);
    else {
      add(name, next);
      i++;
    }
  }
  return { positionals, flags };
}
