import { describe, expect, it } from "vitest";
import { CivisAPIError } from "../../src/errors/civis-api-error.js";
import { CivisAPIKeyError } from "../../src/errors/civis-api-key-error.js";
import { checkHeaderValue } from "../../src/errors/header-value-error.js";
import { SpecError } from "../../src/errors/spec-error.js";

function notFound(): CivisAPIError {
  return new CivisAPIError({
    statusCode: 404,
    errorMessage: "Not found",
    method: "GET",
    url: "/workflows/1",
    response: new globalThis.Response("{}", { status: 404 }),
  });
}

describe("CivisAPIError", () => {
  it("reads `(404) Not found (GET /workflows/1)`", () => {
    const error = notFound();
    expect(error.message).toBe("(404) Not found (GET /workflows/1)");
    expect(String(error)).toBe("CivisAPIError: (404) Not found (GET /workflows/1)");
  });

  it("carries status_code, error_message, method, url, response and attempts", () => {
    const error = notFound();
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CivisAPIError");
    expect([error.status_code, error.error_message, error.method, error.url]).toEqual([
      404,
      "Not found",
      "GET",
      "/workflows/1",
    ]);
    expect(error.response?.status).toBe(404);
    expect(error.attempts).toBe(1);
  });

  it("keeps the response off the enumerable surface", () => {
    const error = notFound();
    expect(Object.keys(error)).not.toContain("response");
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "CivisAPIError",
      status_code: 404,
      error_message: "Not found",
      method: "GET",
      url: "/workflows/1",
      attempts: 1,
    });
  });
});

describe("CivisAPIKeyError", () => {
  it("has a fixed name, and the server's answer as its cause", () => {
    const cause = new CivisAPIError({
      statusCode: 401,
      errorMessage: "Unauthorized",
      method: "GET",
      url: "/users/me",
      response: undefined,
    });
    const error = new CivisAPIKeyError("The API refused the API key", cause);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CivisAPIKeyError");
    expect(error.cause).toBe(cause);
    expect(error.status_code).toBe(401);
  });

  it("has no cause or status without an answer", () => {
    const error = new CivisAPIKeyError("No API key");
    expect(error.cause).toBeUndefined();
    expect(error.status_code).toBeUndefined();
  });
});

describe("SpecError", () => {
  it("says the spec is invalid, and why", () => {
    const error = new SpecError('it has no "paths" object');
    expect(error.name).toBe("SpecError");
    expect(error.message).toBe('Invalid API spec: it has no "paths" object');
  });
});

describe("checkHeaderValue", () => {
  it("accepts ordinary values", () => {
    expect(() => checkHeaderValue("userAgent", "civis-js/1.0 (x; y)")).not.toThrow();
  });

  it.each(["a\rb", "a\nb", "a\0b"])("refuses %j without repeating it", (value) => {
    expect(() => checkHeaderValue("The API key", value)).toThrow(TypeError);
    try {
      checkHeaderValue("The API key", value);
    } catch (error) {
      expect((error as Error).message).toBe(
        "The API key contains a CR, LF or NUL character, which a header cannot carry",
      );
    }
  });
});
