import { describe, expect, it } from "vitest";
import { CivisAPIError } from "../../src/errors/civis-api-error.js";
import { CivisAPIKeyError } from "../../src/errors/civis-api-key-error.js";
import { apiErrorFrom } from "../../src/http/api-error.js";
import type { RequestSpec } from "../../src/http/request-spec.js";

const req: RequestSpec = {
  method: "GET",
  target: "/workflows/1?limit=5",
  headers: { Authorization: "Basic c2VjcmV0Og==" },
  body: undefined,
  signal: undefined,
  timeout: undefined,
};

/** A fetch Response made locally: the error is built from an answer, no request needed. */
function answer(status: number, body: string, statusText = ""): globalThis.Response {
  return new globalThis.Response(body === "" ? null : body, { status, statusText });
}

/** The error for an answer, its body read first as the transport does. */
async function errorOf(response: globalThis.Response, request: RequestSpec, attempts: number) {
  return apiErrorFrom(response, await response.clone().text(), request, attempts, [
    CivisAPIError,
    CivisAPIKeyError,
  ]);
}

describe("apiErrorFrom", () => {
  it("takes the body's errorDescription as the message", async () => {
    const error = await errorOf(
      answer(404, JSON.stringify({ error: "not_found", errorDescription: "Not found" })),
      req,
      1,
    );
    expect(error).toBeInstanceOf(CivisAPIError);
    expect(error.message).toBe("(404) Not found (GET /workflows/1?limit=5)");
    expect((error as CivisAPIError).error_message).toBe("Not found");
  });

  it("falls back to the body's text, then to the status text", async () => {
    const text = await errorOf(answer(502, "Bad gateway, try later", "Bad Gateway"), req, 1);
    expect((text as CivisAPIError).error_message).toBe("Bad gateway, try later");
    const empty = await errorOf(answer(503, "", "Service Unavailable"), req, 1);
    expect((empty as CivisAPIError).error_message).toBe("Service Unavailable");
    const bare = await errorOf(answer(500, ""), req, 1);
    expect((bare as CivisAPIError).error_message).toBe("HTTP 500");
  });

  it("uses the body's text when its JSON has no description", async () => {
    const error = await errorOf(answer(400, '{"code": 7}', "Bad Request"), req, 1);
    expect((error as CivisAPIError).error_message).toBe('{"code": 7}');
  });

  it("shortens a long body", async () => {
    const error = (await errorOf(answer(500, "x".repeat(5000)), req, 1)) as CivisAPIError;
    expect(error.error_message.length).toBeLessThanOrEqual(301);
  });

  it("records the status, method, path and the number of attempts", async () => {
    const error = (await errorOf(answer(429, ""), req, 4)) as CivisAPIError;
    expect([error.status_code, error.method, error.url, error.attempts]).toEqual([
      429,
      "GET",
      "/workflows/1?limit=5",
      4,
    ]);
    expect(error.response?.status).toBe(429);
  });

  it("makes a 401 a CivisAPIKeyError whose cause is the CivisAPIError", async () => {
    const error = await errorOf(
      answer(401, JSON.stringify({ errorDescription: "Invalid token" }), "Unauthorized"),
      req,
      1,
    );
    expect(error).toBeInstanceOf(CivisAPIKeyError);
    const cause = (error as CivisAPIKeyError).cause;
    expect(cause).toBeInstanceOf(CivisAPIError);
    expect(cause?.status_code).toBe(401);
    expect(error.message).toContain("(401) Invalid token (GET /workflows/1?limit=5)");
    expect(error.message).toMatch(/expired/);
  });

  it("never shows part of the key where a long body is shortened", async () => {
    // The body was cut at 300 characters before the key was blanked out, so a key
    // straddling the cut left its first half in the message.
    const key = "secret-key-0123456789";
    const request = { ...req, headers: { Authorization: `Basic ${btoa(`${key}:`)}` } };
    for (const echoed of [key, btoa(`${key}:`)]) {
      const body = `${"x".repeat(290)}${echoed} and more`;
      const error = (await errorOf(answer(500, body), request, 1)) as CivisAPIError;
      expect(error.error_message).toBe(`${"x".repeat(290)}[redacted]…`);
      expect(error.message).not.toContain(echoed.slice(0, 8));
    }
  });

  it("never shows the request's Authorization header", async () => {
    const error = await errorOf(answer(403, ""), req, 1);
    for (const text of [error.message, String(error.stack), JSON.stringify(error)]) {
      expect(text).not.toContain("c2VjcmV0Og==");
    }
  });
});
