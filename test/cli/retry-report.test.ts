import { describe, expect, it } from "vitest";
import { noAnswerReason, retryLine } from "../../src/cli/retry-report.js";
import { CivisAPIError, CivisNetworkError, type RetryInfo } from "../../src/index.js";

function info(fields: Partial<RetryInfo> & Pick<RetryInfo, "error">): RetryInfo {
  return {
    attempt: 2,
    waitMs: 4000,
    method: "GET",
    url: "/endpoints",
    status: undefined,
    maxAttempts: 10,
    ...fields,
  };
}

function refused(): CivisNetworkError {
  const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
    code: "ECONNREFUSED",
  });
  return new CivisNetworkError("GET", "/endpoints", "Network error", "failed", 1, cause);
}

describe("the CLI's line about a retry", () => {
  it("names the URL, the reason in words, the wait and the next attempt", () => {
    expect(retryLine(info({ error: refused() }), "http://127.0.0.1:1/")).toBe(
      "civis: no answer from http://127.0.0.1:1/ (connection refused); retrying in 4 s, attempt 3 of 10\n",
    );
  });

  it("quotes the API's error after an answer, and says short waits in ms", () => {
    const error = new CivisAPIError({
      statusCode: 503,
      errorMessage: "busy",
      method: "GET",
      url: "/endpoints",
      response: undefined,
    });
    expect(retryLine(info({ error, status: 503, waitMs: 420, attempt: 1 }), "http://x/")).toBe(
      "civis: (503) busy (GET /endpoints); retrying in 420 ms, attempt 2 of 10\n",
    );
  });

  it("says why no answer came: a timeout, an unknown code as is, else the cause's words", () => {
    expect(noAnswerReason(new CivisNetworkError("GET", "/", "Timed out", "timed-out", 1))).toBe(
      "timed out",
    );
    const odd = Object.assign(new Error("odd"), { code: "EWEIRD" });
    expect(noAnswerReason(new CivisNetworkError("GET", "/", "x", "failed", 1, odd))).toBe("EWEIRD");
    expect(
      noAnswerReason(new CivisNetworkError("GET", "/", "x", "failed", 1, new Error("bad port"))),
    ).toBe("bad port");
    expect(noAnswerReason(new CivisNetworkError("GET", "/", "x", "failed", 1))).toBe("no answer");
  });

  it("escapes the control characters an answer's error carries, as every other line does", () => {
    // An error body's ESC, BEL and C1 went to the terminal raw (retitling it, clearing it).
    const error = new CivisAPIError({
      statusCode: 503,
      errorMessage: "busy\u001b]0;pwned\u0007\u001b[2J\u009b31m",
      method: "GET",
      url: "/things",
      response: undefined,
    });
    const line = retryLine(info({ error, status: 503, waitMs: 420, attempt: 1 }), "http://x/");
    expect(line).toBe(
      "civis: (503) busy\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m (GET /things); retrying in 420 ms, attempt 2 of 10\n",
    );
  });

  it("escapes them in the reason no answer came, too", () => {
    const odd = new CivisNetworkError("GET", "/", "x", "failed", 1, new Error("bad\u001b[2J"));
    expect(retryLine(info({ error: odd }), "http://x/")).toContain("(bad\\u001b[2J)");
  });
});
