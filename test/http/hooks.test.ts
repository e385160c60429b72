import { describe, expect, it } from "vitest";
import { mergeHooks, resolveHooks } from "../../src/http/hooks.js";

const a = () => undefined;
const b = () => undefined;

describe("resolveHooks", () => {
  it("turns each hook into an array, and none into undefined", () => {
    expect(resolveHooks({ onRequest: a, onResponse: [a, b] }, "hooks")).toEqual({
      onRequest: [a],
      onRequestError: [],
      onResponse: [a, b],
      onResponseError: [],
    });
    expect(resolveHooks(undefined, "hooks")).toBeUndefined();
    expect(resolveHooks({}, "hooks")).toBeUndefined();
    expect(resolveHooks({ onRequest: [] }, "hooks")).toBeUndefined();
  });

  it("refuses a hook that is not a function, naming it", () => {
    expect(() => resolveHooks({ onRequest: "log" }, "hooks")).toThrow(
      new TypeError("hooks.onRequest must be a function (or an array of functions)"),
    );
    expect(() => resolveHooks({ onResponse: [a, 3] }, "init.hooks")).toThrow(
      new TypeError("init.hooks.onResponse[1] must be a function (or an array of functions)"),
    );
  });

  it("refuses an unknown hook name and a value that is not an object", () => {
    expect(() => resolveHooks({ beforeRequest: a }, "hooks")).toThrow(
      /unknown hook "hooks.beforeRequest"; accepted: onRequest, onRequestError, onResponse, onResponseError/,
    );
    expect(() => resolveHooks(a, "hooks")).toThrow(TypeError);
    expect(() => resolveHooks([a], "hooks")).toThrow(/hooks must be an object/);
  });
});

describe("mergeHooks", () => {
  it("puts the client's hooks before the call's", () => {
    const client = resolveHooks({ onRequest: a }, "hooks");
    const call = resolveHooks({ onRequest: b, onResponse: b }, "init.hooks");
    expect(mergeHooks(client, call)).toMatchObject({ onRequest: [a, b], onResponse: [b] });
    expect(mergeHooks(undefined, call)).toBe(call);
    expect(mergeHooks(client, undefined)).toBe(client);
  });
});
