import { describe, expect, it } from "vitest";
import { looksLikeRepl } from "../../src/platform/node.js";

describe("looksLikeRepl (the 15-minute spec cache)", () => {
  it.each([
    [["/usr/bin/node"], [], true],
    [["/usr/bin/node"], ["-i"], true],
    [["/usr/bin/node"], ["-e", "code"], false],
    [["/usr/bin/node"], ["--eval=code"], false],
    [["/usr/bin/node"], ["-p", "1"], false],
    [["/usr/bin/node", "script.mjs"], [], false],
  ])("argv %j, execArgv %j -> %s", (argv, execArgv, expected) => {
    expect(looksLikeRepl(argv, execArgv)).toBe(expected);
  });
});
