import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APIClient } from "../../src/client/api-client.js";
import { CivisAPIKeyError } from "../../src/errors/civis-api-key-error.js";
import type { ClientOptions } from "../../src/options/client-options.js";
import { DEFAULTS } from "../../src/options/defaults.js";
import { resolveOptions } from "../../src/options/resolve-options.js";
import { browserPlatform } from "../../src/platform/browser.js";
import { nodePlatform } from "../../src/platform/node.js";
import { loadFixture } from "../helpers/fixtures.js";

const ENV = ["CIVIS_API_KEY", "CIVIS_API_ENDPOINT"] as const;
const saved = new Map<string, string | undefined>();
beforeEach(() => {
  for (const name of ENV) {
    saved.set(name, process.env[name]);
    delete process.env[name];
  }
});
afterEach(() => {
  for (const name of ENV) {
    const value = saved.get(name);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Options as a caller might pass them from untyped code. */
const loose = (options: Record<string, unknown>): ClientOptions => options as ClientOptions;
const resolve = (options: Record<string, unknown>) => resolveOptions(loose(options), nodePlatform);

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("it did not throw");
}

describe("resolveOptions: spellings", () => {
  it("accepts the civis-python spellings", () => {
    const spec = { swagger: "2.0", paths: {} };
    const resolved = resolve({
      api_key: "k",
      base_url: "https://api.example.test",
      return_type: "json",
      api_version: "1.0",
      local_api_spec: spec,
      user_agent: "my-app",
    });
    expect(resolved).toMatchObject({
      apiKey: "k",
      baseUrl: "https://api.example.test/",
      returnType: "json",
      apiVersion: "1.0",
      localApiSpec: spec,
      userAgent: "my-app",
    });
    expect(resolve({ api_key: "k", force_refresh_api_spec: true }).forceRefresh).toBe(true);
  });

  it("accepts the camelCase spellings", () => {
    const resolved = resolve({
      apiKey: "k",
      baseUrl: "https://api.example.test/v1",
      returnType: "raw",
      apiVersion: "1.0",
      userAgent: "my-app",
      forceRefreshApiSpec: true,
    });
    expect(resolved).toMatchObject({
      apiKey: "k",
      baseUrl: "https://api.example.test/v1/",
      returnType: "raw",
      userAgent: "my-app",
      forceRefresh: true,
    });
  });

  it("accepts both spellings with the same value", () => {
    expect(resolve({ apiKey: "k", api_key: "k" }).apiKey).toBe("k");
  });

  it.each([
    [{ apiKey: "a", api_key: "b" }, /"apiKey" and "api_key"/],
    [{ apiKey: "k", returnType: "raw", return_type: "json" }, /"returnType" and "return_type"/],
    [{ apiKey: "k", baseUrl: "https://a.test", base_url: "https://b.test" }, /"baseUrl"/],
    [{ apiKey: "k", userAgent: "a", user_agent: "b" }, /"userAgent" and "user_agent"/],
  ])("rejects conflicting spellings %j", (options, message) => {
    const error = errorOf(() => resolve(options));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(message);
  });

  it("rejects an unknown option, naming it", () => {
    const error = errorOf(() => resolve({ apiKey: "k", apikey: "k" }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/unknown option "apikey"; accepted: apiKey, .*api_key/);
  });

  it("applies the defaults", () => {
    const resolved = resolve({ apiKey: "k" });
    expect(resolved).toMatchObject({
      baseUrl: undefined,
      returnType: "snake",
      apiVersion: "1.0",
      forceRefresh: false,
      userAgent: "civis-js",
      fetch: globalThis.fetch,
      specCache: "auto",
    });
  });

  it("takes every default from DEFAULTS, the retry policy included", () => {
    const resolved = resolve({ apiKey: "k" });
    expect(resolved).toMatchObject({
      returnType: DEFAULTS.returnType,
      apiVersion: DEFAULTS.apiVersion,
      userAgent: DEFAULTS.userAgent,
      specCache: DEFAULTS.specCache,
      specCacheTtlMs: DEFAULTS.specCacheTtlMs,
    });
    expect(resolved.retry).toBe(DEFAULTS.retries);
    expect(DEFAULTS.retries).toMatchObject({ maxAttempts: 10, maxElapsedMs: 600_000 });
  });
});

describe("resolveOptions: checks", () => {
  it.each(["2.0", "1", 1, ""])("rejects apiVersion %j", (apiVersion) => {
    const error = errorOf(() => resolve({ apiKey: "k", apiVersion }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/apiVersion must be "1.0"/);
  });

  it.each([
    [{ returnType: "camel" }, 'returnType must be one of "snake", "raw", "json"'],
    [{ return_type: "camel" }, 'return_type must be one of "snake", "raw", "json"'],
    [
      { specCache: "disk" },
      'specCache must be "auto", "memory", false, or a store { get, set, del }',
    ],
    [{ specCacheTtlMs: -1 }, "specCacheTtlMs must be a number of ms, 0 or more"],
    [{ baseUrl: "https://a.test/?" }, "baseUrl must be an absolute http: or https: URL"],
  ])("names the option and what it must be (%j)", (options, message) => {
    expect(() => resolve({ apiKey: "k", ...options })).toThrow(message);
  });

  it("takes an undefined or null option as not given", () => {
    const resolved = resolve({ apiKey: "k", returnType: null, specCache: undefined });
    expect(resolved).toMatchObject({ returnType: "snake", specCache: "auto" });
  });

  it.each([
    { localApiSpec: {}, forceRefreshApiSpec: true },
    { local_api_spec: "spec.json", force_refresh_api_spec: true },
  ])("rejects a local spec with a forced refresh (%j)", (options) => {
    const error = errorOf(() => resolve({ apiKey: "k", ...options }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/localApiSpec and forceRefreshApiSpec cannot be used together/);
  });

  it.each([
    ["returnType", "camel"],
    ["localApiSpec", 42],
    ["baseUrl", "not a url"],
    ["baseUrl", "ftp://api.example.test/"],
    ["baseUrl", "https://user:pass@api.example.test/"],
    ["baseUrl", "https://api.example.test/?q=1"],
    ["baseUrl", "https://api.example.test/#top"],
    ["baseUrl", "https://user@api.example.test/"],
    ["baseUrl", "https://api.example.test/#"],
    ["baseUrl", "https://:@api.example.test:8443/?"],
    ["baseUrl", "blob:https://api.example.test/x"],
    ["fetch", "fetch"],
    ["specCache", "disk"],
    ["specCache", { get() {} }],
    ["specCacheTtlMs", -1],
    ["specCacheTtlMs", Number.NaN],
  ])("rejects %s = %j", (name, value) => {
    expect(() => resolve({ apiKey: "k", [name]: value })).toThrow(TypeError);
  });

  // The check reads only the URL's href: what the URL parser normalizes is still accepted.
  it.each([
    ["HTTPS://API.Example.test:443/v1", "https://api.example.test/v1/"],
    ["http://[::1]:8080/a@b/", "http://[::1]:8080/a@b/"],
    ["https://api.example.test/a/../b", "https://api.example.test/b/"],
  ])("accepts baseUrl %j as %j", (baseUrl, expected) => {
    expect(resolve({ apiKey: "k", baseUrl }).baseUrl).toBe(expected);
  });

  it("never repeats credentials from a base URL", () => {
    const error = errorOf(() => resolve({ apiKey: "k", baseUrl: "https://me:hunter2@a.test/" }));
    expect(error.message).not.toContain("hunter2");
  });
});

describe("resolveOptions: header values", () => {
  it.each(["Zq9k\rey", "Zq9k\ney", "Zq9k\0ey", "Zq9key\r\nX-Evil: 1"])(
    "refuses the API key %j without repeating it",
    (apiKey) => {
      const error = errorOf(() => resolve({ apiKey }));
      expect(error).toBeInstanceOf(CivisAPIKeyError);
      expect(error.message).toMatch(/CR, LF or NUL/);
      for (const text of [error.message, String(error.stack), JSON.stringify(error)]) {
        expect(text).not.toContain("Zq9");
        expect(text).not.toContain("X-Evil");
      }
    },
  );

  it.each(["agent\r", "agent\n", "agent\0", "agent\r\nX-Evil: 1"])(
    "refuses the user agent %j without repeating it",
    (userAgent) => {
      const error = errorOf(() => resolve({ apiKey: "k", userAgent }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/userAgent contains a CR, LF or NUL/);
      expect(error.message).not.toContain("agent\r");
      expect(error.message).not.toContain("X-Evil");
    },
  );

  it("refuses an empty API key", () => {
    expect(() => resolve({ apiKey: "" })).toThrow(CivisAPIKeyError);
  });
});

describe("resolveOptions: the environment", () => {
  it("reads CIVIS_API_KEY on Node", () => {
    process.env.CIVIS_API_KEY = "from-env";
    expect(resolve({}).apiKey).toBe("from-env");
    expect(resolve({ apiKey: "given" }).apiKey).toBe("given");
  });

  it("refuses to go without a key on Node, with a clear CivisAPIKeyError", () => {
    const error = errorOf(() => resolve({}));
    expect(error).toBeInstanceOf(CivisAPIKeyError);
    expect(error.message).toMatch(/CIVIS_API_KEY/);
  });

  it("treats an empty CIVIS_API_KEY as none", () => {
    process.env.CIVIS_API_KEY = "";
    expect(() => resolve({})).toThrow(CivisAPIKeyError);
  });

  it("goes without a key in browsers", () => {
    expect(resolveOptions({}, browserPlatform).apiKey).toBeUndefined();
  });

  it("reads CIVIS_API_ENDPOINT on Node, an explicit baseUrl first", () => {
    process.env.CIVIS_API_ENDPOINT = "https://env.example.test";
    expect(resolve({ apiKey: "k" }).baseUrl).toBe("https://env.example.test/");
    expect(resolve({ apiKey: "k", baseUrl: "https://given.example.test/" }).baseUrl).toBe(
      "https://given.example.test/",
    );
  });
});

describe("new APIClient()", () => {
  it.each([
    ["no options", undefined],
    ["no spec", {}],
    ["a spec path", { localApiSpec: "spec.json" }],
    ["a spec path (civis-python spelling)", { local_api_spec: "spec.json" }],
  ])("with %s throws a TypeError pointing to APIClient.create()", (_label, options) => {
    const error = errorOf(() => new APIClient(options as ClientOptions));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain("APIClient.create(");
  });

  it("resolves its options: no key on Node is a CivisAPIKeyError", () => {
    const spec = loadFixture("swagger2-basic");
    expect(() => new APIClient({ localApiSpec: spec })).toThrow(CivisAPIKeyError);
    expect(
      () => new APIClient(loose({ localApiSpec: spec, apiKey: "k", apiVersion: "2.0" })),
    ).toThrow(TypeError);
  });

  it("builds from a spec object given in either spelling", () => {
    const a = new APIClient({ localApiSpec: loadFixture("swagger2-basic"), apiKey: "k" });
    const b = new APIClient({ local_api_spec: loadFixture("swagger2-basic"), api_key: "k" });
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.keys(a)).toContain("workflows");
  });

  it("APIClient.create() rejects bad options too", async () => {
    await expect(APIClient.create(loose({ apiKey: "k", bogus: 1 }))).rejects.toThrow(/"bogus"/);
  });
});

describe("resolveOptions: no global fetch", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("says to pass one, and takes one that is passed", () => {
    vi.stubGlobal("fetch", undefined);
    expect(() => resolve({ apiKey: "k" })).toThrow(/no global fetch: pass one as \{ fetch \}/);
    const own = (() => Promise.reject(new Error("unused"))) as unknown as typeof fetch;
    expect(resolve({ apiKey: "k", fetch: own }).fetch).toBe(own);
  });
});
