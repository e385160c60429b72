// Mutation testing of the core's decisions (`npm run mutate`): the retry rules, naming,
// pagination, the spec cache key and response conversion, against their unit tests
// (vitest.mutate.config.ts). Slow (about 15 minutes on two busy cores): run it on purpose, alone.
// A mutant that cannot change behaviour carries a `Stryker disable` comment saying why.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // related (vitest's own default here, written out): the first run takes only the test files
  // that import a mutated file; perTest coverage then runs, per mutant, only the tests that reach it.
  vitest: { configFile: "vitest.mutate.config.ts", related: true },
  coverageAnalysis: "perTest",
  mutate: [
    "src/http/retry-policy.ts",
    "src/http/retry-after.ts",
    "src/naming/*.ts",
    "src/response/paginated-response.ts",
    "src/response/list-response.ts",
    "src/response/convert.ts",
    "src/response/response.ts",
    "src/response/read-result.ts",
    "src/cache/cache-key.ts",
  ],
  // Two cores, shared: one test process at a time.
  concurrency: 1,
  timeoutMS: 20_000,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
