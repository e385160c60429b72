import { describe, expect, expectTypeOf, it } from "vitest";
import {
  CivisAPIError,
  CivisAPIKeyError,
  CivisError,
  CivisJobFailure,
  CivisNetworkError,
  OutOfDateError,
  SpecError,
} from "../../src/index.js";
import { CivisImportError, CivisStorageError, EmptyResultError } from "../../src/io/index.js";

const apiError = new CivisAPIError({
  statusCode: 404,
  errorMessage: "Not found",
  method: "GET",
  url: "/workflows/1",
  response: undefined,
  attempts: 3,
});

/** One of each error the package defines, with the name it must carry. */
const ERRORS: readonly [string, Error][] = [
  ["CivisAPIError", apiError],
  ["CivisAPIKeyError", new CivisAPIKeyError("no key", apiError)],
  ["CivisNetworkError", new CivisNetworkError("GET", "/x", "Connection refused", "failed", 2)],
  ["SpecError", new SpecError("broken")],
  ["OutOfDateError", new OutOfDateError("civis-api.d.ts", true)],
  [
    "CivisJobFailure",
    new CivisJobFailure("boom", { jobId: 1, runId: 2, state: "failed", response: undefined }),
  ],
  [
    "CivisStorageError",
    new CivisStorageError("PUT part 1", 403, "Forbidden", "", "https://s3.test/b"),
  ],
  ["EmptyResultError", new EmptyResultError("nothing")],
  ["CivisImportError", new CivisImportError("files disagree")],
];

describe("CivisError: one base for every civis error", () => {
  it.each(ERRORS)("%s is a CivisError and an Error, named for its class", (name, error) => {
    expect(error).toBeInstanceOf(CivisError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.constructor.name).toBe(name);
  });

  it("is itself an Error named CivisError", () => {
    const error = new CivisError("x");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CivisError");
  });

  it("types each name as its literal, so a switch on it narrows", () => {
    expectTypeOf(apiError.name).toEqualTypeOf<"CivisAPIError">();
    expectTypeOf(new CivisAPIKeyError("k").name).toEqualTypeOf<"CivisAPIKeyError">();
    expectTypeOf(ERRORS[2]![1] as CivisNetworkError)
      .toHaveProperty("name")
      .toEqualTypeOf<"CivisNetworkError">();
    expectTypeOf(new SpecError("x").name).toEqualTypeOf<"SpecError">();
    expectTypeOf(new OutOfDateError("f", false).name).toEqualTypeOf<"OutOfDateError">();
    // The types above are checked by tsc; at run time each name is that same literal.
    expect(
      [apiError, new CivisAPIKeyError("k"), new SpecError("x"), new OutOfDateError("f", false)].map(
        (error) => error.name,
      ),
    ).toEqual(["CivisAPIError", "CivisAPIKeyError", "SpecError", "OutOfDateError"]);
  });

  it("builds attempts in the constructor, read-only", () => {
    expect(apiError.attempts).toBe(3);
    expect((ERRORS[2]![1] as CivisNetworkError).attempts).toBe(2);
    expectTypeOf<CivisNetworkError>().toHaveProperty("attempts").toEqualTypeOf<number>();
    // @ts-expect-error: attempts is set once, when the error is made.
    apiError.attempts = 4;
  });
});
