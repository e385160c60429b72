import { describe, expect, it } from "vitest";
import { toSnakeResult } from "../../src/response/read-result.js";
import { Response } from "../../src/response/response.js";

const body = {
  id: 7,
  createdAt: "2024-01-01T00:00:00Z",
  lastRunAt: null,
  schedule: { scheduledDays: [1, 2], timeZone: { ianaName: "UTC" } },
  instanceConfigs: [{ instanceType: "m5" }, { instanceType: "c5" }],
  tags: ["a", "b"],
  arguments: { myArg: 1, Other_Key: { innerKey: 2 } },
  environmentVariables: { MY_VAR: "x", camelVar: "y" },
};

function nested(response: Response, key: string): Response {
  const value = response.get(key);
  if (!(value instanceof Response)) throw new Error(`${key} is not a Response`);
  return value;
}

describe("Response: properties", () => {
  // Built in each test, not while the block is collected: an error thrown then is not a failed
  // test to every runner (Stryker's counted such a mutant as surviving).
  const make = () => new Response(structuredClone(body));

  it("exposes each top-level key under its snake_case name", () => {
    const r = make();
    expect(r.id).toBe(7);
    expect(r.created_at).toBe("2024-01-01T00:00:00Z");
    expect(r.last_run_at).toBeNull();
    expect(Object.keys(r)).toEqual([
      "id",
      "created_at",
      "last_run_at",
      "schedule",
      "instance_configs",
      "tags",
      "arguments",
      "environment_variables",
    ]);
    expect(r.createdAt).toBeUndefined();
  });

  it("makes nested objects Responses, arrays of objects arrays of Responses", () => {
    const r = make();
    const schedule = nested(r, "schedule");
    expect(schedule.scheduled_days).toEqual([1, 2]);
    expect(nested(schedule, "time_zone").iana_name).toBe("UTC");
    const configs = r.instance_configs as Response[];
    expect(configs).toHaveLength(2);
    expect(configs[0]).toBeInstanceOf(Response);
    expect(configs[1]!.instance_type).toBe("c5");
    expect(r.tags).toEqual(["a", "b"]);
  });

  it("keeps the case of the keys inside `arguments` and `environmentVariables`", () => {
    const r = make();
    const args = nested(r, "arguments");
    expect(args.myArg).toBe(1);
    expect(nested(args, "Other_Key").innerKey).toBe(2);
    const env = nested(r, "environment_variables");
    expect([env.MY_VAR, env.camelVar]).toEqual(["x", "y"]);
  });

  it("keeps the `value` of a JSON value object as sent", () => {
    const sent = { someKey: { deepKey: [{ innerKey: 1 }] } };
    const jsonValue = new Response({ id: 1, valueType: "object", value: sent });
    expect(jsonValue.value).toEqual(sent);
    expect(jsonValue.value).not.toBeInstanceOf(Response);
    expect(jsonValue.json()).toEqual({ id: 1, value_type: "object", value: sent });
  });

  it("finds values by either spelling with get()", () => {
    const r = make();
    expect(r.get("created_at")).toBe("2024-01-01T00:00:00Z");
    expect(r.get("createdAt")).toBe("2024-01-01T00:00:00Z");
    expect(r.get("instanceConfigs")).toBe(r.instance_configs);
    expect(r.get("missing")).toBeUndefined();
  });

  it("is a Response to instanceof and to Object.prototype.toString", () => {
    const r = make();
    expect(r).toBeInstanceOf(Response);
    expect(Object.prototype.toString.call(r)).toBe("[object Response]");
  });
});

describe("Response: values kept as they are", () => {
  it("keeps a null nested in objects and arrays as null, not an empty Response", () => {
    const r = new Response({ outer: { inner: null }, list: [null, { leaf: null }] });
    expect(nested(r, "outer").inner).toBeNull();
    const list = r.list as readonly unknown[];
    expect(list[0]).toBeNull();
    expect((list[1] as Response).leaf).toBeNull();
    expect(r.json()).toEqual({ outer: { inner: null }, list: [null, { leaf: null }] });
  });

  it("keeps the case of keys in objects inside arrays inside `arguments`", () => {
    const r = new Response({
      arguments: { myList: [{ innerKey: 1, deepList: [{ camelKey: 2 }] }] },
    });
    const [item] = nested(r, "arguments").myList as Response[];
    expect(item!.innerKey).toBe(1);
    expect((item!.deepList as Response[])[0]!.camelKey).toBe(2);
    expect(item!.inner_key).toBeUndefined();
    expect(r.json()).toEqual({
      arguments: { myList: [{ innerKey: 1, deepList: [{ camelKey: 2 }] }] },
    });
  });

  it("keeps the case of the keys inside `environment_variables` sent in snake_case too", () => {
    const r = new Response({ environment_variables: { camelVar: "y", MY_VAR: "x" } });
    const env = nested(r, "environment_variables");
    expect([env.camelVar, env.MY_VAR]).toEqual(["y", "x"]);
    expect(r.json()).toEqual({ environment_variables: { camelVar: "y", MY_VAR: "x" } });
  });
});

describe("Response: read-only", () => {
  // Test files are ES modules, so strict mode: a write to a frozen object throws.
  const make = () => new Response(structuredClone(body));
  const writable = (target: unknown) => target as Record<string, unknown>;

  it("throws on assignment to a top-level property", () => {
    const r = make();
    expect(() => {
      writable(r).id = 8;
    }).toThrow(TypeError);
    expect(r.id).toBe(7);
  });

  it("throws on adding or deleting a property", () => {
    const r = make();
    expect(() => {
      writable(r).added = 1;
    }).toThrow(TypeError);
    expect(() => {
      delete writable(r).id;
    }).toThrow(TypeError);
  });

  it("throws on assignment to a member", () => {
    const r = make();
    expect(() => {
      writable(r).json_data = {};
    }).toThrow(TypeError);
    expect(() => {
      writable(r).headers = null;
    }).toThrow(TypeError);
  });

  it("throws on assignment inside nested Responses and arrays", () => {
    const r = make();
    expect(() => {
      writable(r.schedule).scheduled_days = [];
    }).toThrow(TypeError);
    expect(() => {
      writable(nested(nested(r, "schedule"), "time_zone")).iana_name = "x";
    }).toThrow(TypeError);
    expect(() => {
      (r.instance_configs as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      writable((r.instance_configs as Response[])[0]).instance_type = "x";
    }).toThrow(TypeError);
    expect(() => {
      (r.tags as string[])[0] = "z";
    }).toThrow(TypeError);
  });
});

describe("Response: json() and json_data", () => {
  it("json() gives a plain deep copy with snake_case keys", () => {
    const r = new Response(structuredClone(body));
    const copy = r.json() as Record<string, unknown>;
    expect(copy).toEqual({
      id: 7,
      created_at: "2024-01-01T00:00:00Z",
      last_run_at: null,
      schedule: { scheduled_days: [1, 2], time_zone: { iana_name: "UTC" } },
      instance_configs: [{ instance_type: "m5" }, { instance_type: "c5" }],
      tags: ["a", "b"],
      arguments: { myArg: 1, Other_Key: { innerKey: 2 } },
      environment_variables: { MY_VAR: "x", camelVar: "y" },
    });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(copy.schedule)).toBe(Object.prototype);
    (copy.schedule as Record<string, unknown>).scheduled_days = [];
    expect(r.json()).toMatchObject({ schedule: { scheduled_days: [1, 2] } });
  });

  it("json(false) gives a plain deep copy with the keys as sent", () => {
    const sent = structuredClone(body);
    const r = new Response(sent);
    const copy = r.json(false);
    expect(copy).toEqual(body);
    expect(copy).not.toBe(sent);
    expect(copy?.schedule).not.toBe(sent.schedule);
  });

  it("json_data is the body as sent", () => {
    const sent = structuredClone(body);
    expect(new Response(sent).json_data).toEqual(body);
  });

  it("an empty body (204) gives json_data null", () => {
    const empty = toSnakeResult(null, new Headers());
    expect(empty).toBeInstanceOf(Response);
    expect((empty as Response).json_data).toBeNull();
    expect((empty as Response).json()).toBeNull();
    expect(Object.keys(empty as Response)).toEqual([]);
  });

  it("an object body gives a Response", () => {
    expect(toSnakeResult({ fooBar: 1 }, new Headers())).toBeInstanceOf(Response);
  });
});

describe("Response: headers", () => {
  it("reads calls_remaining and rate_limit from the headers, as integers", () => {
    const headers = new Headers({ "X-RateLimit-Remaining": "999", "X-RateLimit-Limit": "1000" });
    const r = new Response({ id: 1 }, headers);
    expect(r.headers).toBe(headers);
    expect(r.calls_remaining).toBe(999);
    expect(r.rate_limit).toBe(1000);
  });

  it("gives null without those headers, or with values that are not integers", () => {
    expect(new Response({ id: 1 }, new Headers()).calls_remaining).toBeNull();
    expect(new Response({ id: 1 }).rate_limit).toBeNull();
    const odd = new Headers({ "X-RateLimit-Remaining": "lots", "X-RateLimit-Limit": "1.5" });
    expect(new Response({}, odd).calls_remaining).toBeNull();
    expect(new Response({}, odd).rate_limit).toBeNull();
  });

  it("gives nested Responses no headers", () => {
    const r = new Response({ inner: { a: 1 } }, new Headers({ "X-RateLimit-Limit": "5" }));
    expect(nested(r, "inner").headers).toBeNull();
  });
});

describe("Response: data keys that collide with members", () => {
  const sent = {
    headers: "h",
    get: "g",
    json: "j",
    json_data: "jd",
    calls_remaining: "cr",
    rateLimit: "rl",
    id: 1,
  };
  const headers = new Headers({ "X-RateLimit-Limit": "10" });
  const make = () => new Response(structuredClone(sent), headers);

  it("keeps the members working", () => {
    const r = make();
    expect(r.headers).toBe(headers);
    expect(typeof r.get).toBe("function");
    expect(typeof r.json).toBe("function");
    expect(r.json_data).toEqual(sent);
    expect(r.rate_limit).toBe(10);
    expect(r.calls_remaining).toBeNull();
  });

  it("does not hide the data from get()", () => {
    const r = make();
    expect(r.get("headers")).toBe("h");
    expect(r.get("get")).toBe("g");
    expect(r.get("json")).toBe("j");
    expect(r.get("json_data")).toBe("jd");
    expect(r.get("calls_remaining")).toBe("cr");
    expect(r.get("rate_limit")).toBe("rl");
    expect(r.get("rateLimit")).toBe("rl");
  });

  it("keeps the data in json()", () => {
    const r = make();
    expect(r.json()).toStrictEqual({
      headers: "h",
      get: "g",
      json: "j",
      json_data: "jd",
      calls_remaining: "cr",
      rate_limit: "rl",
      id: 1,
    });
  });
});

describe("Response: hostile keys stay data", () => {
  const sent = '{"__proto__": {"polluted": true}, "constructor": "c", "then": "t", "toString": 1}';

  it("changes no prototype", () => {
    const r = new Response(JSON.parse(sent) as Record<string, unknown>);
    expect(Object.getPrototypeOf(r)).toBe(Response.prototype);
    expect(Object.hasOwn(r, "__proto__")).toBe(true);
    expect(nested(r, "__proto__").polluted).toBe(true);
    expect(r.constructor).toBe("c");
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype.toString.call(r)).toBe("[object Response]");
  });

  it("keeps them in json() as own data keys", () => {
    const copy = new Response(JSON.parse(sent) as Record<string, unknown>).json()!;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "constructor", "then", "to_string"]);
  });

  it("is not thenable: `await response` gives the response itself", async () => {
    const r = new Response(JSON.parse(sent) as Record<string, unknown>);
    expect(r.then).toBe("t");
    expect(await r).toBe(r);
    expect(await Promise.resolve(r)).toBe(r);
  });
});
