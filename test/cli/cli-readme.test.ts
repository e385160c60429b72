import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useSampleApiCli } from "./helpers/sample-api-cli.js";

/** The README's "Command line" examples that read data (no writes, no files). */
function readmeReads(): string[][] {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Command line"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => /^civis workflows list/.test(line))
    .map((line) => line.split(/\s+/).slice(1));
}

describe("the README's command-line examples, against the sample API", () => {
  const cli = useSampleApiCli();
  const examples = readmeReads();

  it("are there to run", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((args) => [args.join(" "), args]))(
    "civis %s returns data",
    async (_, args) => {
      const run = await cli.run(args as string[]);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).not.toMatch(/^\(no items\)|^\[\]$/m);
      expect(run.stdout.trim().length).toBeGreaterThan(20);
    },
  );
});
