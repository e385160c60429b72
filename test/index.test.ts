import { describe, expect, it } from "vitest";
import * as browserEntry from "../src/browser.js";
import type { ClientOptions, RetryInfo, RetryPolicy, SpecStore } from "../src/index.js";
import * as nodeEntry from "../src/index.js";
import * as nodeOnly from "../src/node.js";

/** The names CONTRACT.md lists under "Exports", on every platform. */
const EVERYWHERE = [
  "APIClient",
  "getApiSpec",
  "help",
  "Response",
  "ListResponse",
  "PaginatedResponse",
  "find",
  "findOne",
  "CivisAPIError",
  "CivisAPIKeyError",
  "camelToSnake",
  "CivisFuture",
  "CivisJobFailure",
  "runJob",
  "runTemplate",
  "jobLogs",
] as const;

describe("the package's entry points", () => {
  it("the Node entry exports every documented name, cacheApiSpec included", () => {
    const entry = nodeEntry as Record<string, unknown>;
    for (const name of [...EVERYWHERE, "cacheApiSpec"]) {
      expect(typeof entry[name], name).toBe("function");
    }
  });

  it("the browser entry exports the same names but cacheApiSpec, which writes a file", () => {
    const entry = browserEntry as Record<string, unknown>;
    for (const name of EVERYWHERE) expect(typeof entry[name], name).toBe("function");
    expect(entry.cacheApiSpec).toBeUndefined();
  });

  it("civis/node exports the Node-only names, the very same as the Node entry's", () => {
    expect(Object.keys(nodeOnly).sort()).toEqual(["OutOfDateError", "cacheApiSpec", "typegen"]);
    const entry = nodeEntry as Record<string, unknown>;
    for (const [name, value] of Object.entries(nodeOnly)) expect(entry[name], name).toBe(value);
  });

  it("exports CivisError, and ResponseMode rather than a type that shadows TypeScript's ReturnType", () => {
    expect(nodeEntry.CivisError).toBe(browserEntry.CivisError);
    const mode: import("../src/index.js").ResponseMode = "json";
    expect(mode).toBe("json");
    // @ts-expect-error: the old name is gone (it was never documented).
    const old: import("../src/index.js").ReturnType = mode;
    expect(old).toBe(mode);
  });

  it("both entries export the very same classes", () => {
    expect(browserEntry.APIClient).toBe(nodeEntry.APIClient);
    expect(browserEntry.Response).toBe(nodeEntry.Response);
    expect(browserEntry.CivisAPIError).toBe(nodeEntry.CivisAPIError);
  });

  it("exports the error classes as Errors, and the list types as what they say", () => {
    const error = new nodeEntry.CivisAPIKeyError("no key");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CivisAPIKeyError");
    expect(nodeEntry.CivisAPIError.prototype).toBeInstanceOf(Error);
    expect(nodeEntry.ListResponse.prototype).toBeInstanceOf(Array);
    expect(nodeEntry.camelToSnake("createdAt")).toBe("created_at");
  });

  it("exports the types a user writes options with", () => {
    // Checked by tsc: these annotations fail to compile if a type is not exported.
    const retries: RetryPolicy = {
      maxAttempts: 2,
      onRetry: (info: RetryInfo) => void info.attempt,
    };
    const store: SpecStore = { get: () => undefined, set: () => undefined, del: () => undefined };
    const options: ClientOptions = { apiKey: "k", retries, specCache: store };
    expect(options.retries).toBe(retries);
  });
});
