import { expect, it } from "vitest";
import { checkSqlParams } from "../../src/io/sql-options.js";

it("sqlParamsArguments: null or extra keys are named, before any request", () => {
  // null was "Cannot convert undefined or null to object", from Object.keys.
  expect(() => checkSqlParams(null as never)).toThrow(
    'sqlParamsArguments takes only "params" and "arguments"',
  );
  expect(() => checkSqlParams({ params: [], other: 1 } as never)).toThrow(
    'sqlParamsArguments takes only "params" and "arguments", not "other"',
  );
  expect(() => checkSqlParams({ params: [1], arguments: { a: 1 } })).not.toThrow();
});
