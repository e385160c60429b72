import { describe, expect, it } from "vitest";
import { BOOLEAN_FLAGS } from "../../src/cli/cli-options.js";
import { parseArgs } from "../../src/cli/parse-args.js";

const parse = (argv: string[]) => {
  const { positionals, flags } = parseArgs(argv, BOOLEAN_FLAGS);
  return { positionals, flags: Object.fromEntries(flags) };
};

describe("parseArgs", () => {
  it("splits words from --name value, --name=value and lone flags", () => {
    expect(parse(["workflows", "get", "12", "--limit", "5", "--order=name", "--hidden"])).toEqual({
      positionals: ["workflows", "get", "12"],
      flags: { limit: ["5"], order: ["name"], hidden: [true] },
    });
  });

  it("keeps every value of a repeated flag, in order", () => {
    expect(parse(["--tag", "a", "--tag=b", "--tag", "c"]).flags).toEqual({ tag: ["a", "b", "c"] });
  });

  it("never lets a known switch eat the next word", () => {
    expect(parse(["--refresh", "workflows", "list", "--iterator", "--check"])).toEqual({
      positionals: ["workflows", "list"],
      flags: { refresh: [true], iterator: [true], check: [true] },
    });
  });

  it("takes a value that starts with one dash, and ends flags at --", () => {
    expect(parse(["--offset", "-5", "--", "--not-a-flag"])).toEqual({
      positionals: ["--not-a-flag"],
      flags: { offset: ["-5"] },
    });
  });

  it("reads an empty value after = as the empty string", () => {
    expect(parse(["--name="]).flags).toEqual({ name: [""] });
  });
});
