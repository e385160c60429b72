import { describe, expect, it } from "vitest";
import { checkHooks, type HookContext } from "../../src/http/hooks.js";
import { runHooks } from "../../src/http/run-hooks.js";

const a = () => undefined;
const context = {} as HookContext;

describe("checkHooks", () => {
  it("accepts functions and arrays of functions", () => {
    const hooks = { onRequest: a, onResponse: [a, a], onRequestError: [] };
    expect(checkHooks(hooks, "hooks")).toBe(hooks);
    expect(checkHooks(undefined, "hooks")).toBeUndefined();
  });

  it("refuses a hook that is not a function, naming it", () => {
    expect(() => checkHooks({ onRequest: "log" }, "hooks")).toThrow(
      new TypeError("hooks.onRequest must be a function or an array of functions"),
    );
    expect(() => checkHooks({ onResponse: [a, 3] }, "init.hooks")).toThrow(
      new TypeError("init.hooks.onResponse must be a function or an array of functions"),
    );
  });

  it("refuses an unknown hook name and a value that is not an object", () => {
    expect(() => checkHooks({ beforeRequest: a }, "hooks")).toThrow(
      new TypeError(
        'unknown option "hooks.beforeRequest"; accepted: onRequest, onRequestError, onResponse, onResponseError',
      ),
    );
    expect(() => checkHooks(a, "hooks")).toThrow(new TypeError("hooks must be an object"));
    expect(() => checkHooks([a], "hooks")).toThrow(/hooks must be an object/);
  });
});

describe("runHooks", () => {
  it("runs the client's hooks, then the call's, each awaited in order", async () => {
    const order: string[] = [];
    const hook = (name: string) => async () => {
      await Promise.resolve();
      order.push(name);
    };
    await runHooks("onResponse", context, [
      { onResponse: [hook("client 1"), hook("client 2")] },
      { onResponse: hook("call") },
    ]);
    expect(order).toEqual(["client 1", "client 2", "call"]);
  });

  it("stops at the first onRequest that answers with a Response", async () => {
    const answer = new Response("{}");
    let later = false;
    const result = await runHooks("onRequest", context, [
      { onRequest: [() => undefined, () => answer] },
      {
        onRequest: () => {
          later = true;
        },
      },
    ]);
    expect(result).toBe(answer);
    expect(later).toBe(false);
  });
});
