import { describe, expect, it } from "vitest";
import { splitOptions } from "../../src/cli/cli-options.js";
import { UsageError } from "../../src/cli/usage-error.js";

const split = (flags: Readonly<Record<string, readonly (string | true)[]>>) =>
  splitOptions(new Map(Object.entries(flags)));

describe("splitOptions", () => {
  it("takes the command line's own options in kebab- or snake_case; the rest are API parameters", () => {
    const { options, apiFlags } = split({
      "api-key-file": ["k.txt"],
      base_url: ["http://x.test/"],
      output: ["table"],
      refresh: [true],
      limit: ["5"],
      page_num: ["2"],
    });
    expect(options).toMatchObject({
      apiKeyFile: "k.txt",
      baseUrl: "http://x.test/",
      output: "table",
      refresh: true,
      check: false,
    });
    expect(Object.fromEntries(apiFlags)).toEqual({ limit: ["5"], page_num: ["2"] });
  });

  it("defaults to JSON output", () => {
    expect(split({}).options.output).toBe("json");
  });

  it.each([
    [{ output: ["yaml"] }, /--output must be json, raw or table, not "yaml"/],
    [{ out: [true] }, /--out needs a value/],
    [{ spec: ["a", "b"] }, /--spec is given more than once/],
    [{ refresh: ["yes"] }, /--refresh takes no value/],
  ] as const)("refuses %j", (flags, message) => {
    expect(() => split(flags)).toThrow(UsageError);
    expect(() => split(flags)).toThrow(message);
  });
});
