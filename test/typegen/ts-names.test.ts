import { describe, expect, it } from "vitest";
import {
  NameRegistry,
  parameterName,
  pascalCase,
  propertyKey,
} from "../../src/typegen/ts-names.js";

describe("propertyKey", () => {
  it.each([
    ["name", "name"],
    ["__proto__", "__proto__"],
    ["$ref", "$ref"],
    ["x-request-id", '"x-request-id"'],
    ["2fa", '"2fa"'],
    ["a b", '"a b"'],
    ['q"uote', '"q\\"uote"'],
  ])("%j -> %s", (name, key) => {
    expect(propertyKey(name)).toBe(key);
  });
});

describe("parameterName", () => {
  it.each([
    ["id", "id"],
    ["execution_id", "execution_id"],
    ["class", "class_"],
    ["default", "default_"],
    ["arguments", "arguments_"],
    ["2nd", "_2nd"],
    ["x-id", "x_id"],
  ])("%j -> %s", (name, id) => {
    expect(parameterName(name)).toBe(id);
  });
});

describe("pascalCase", () => {
  it.each([
    ["simple-user", "SimpleUser"],
    ["json_values", "JsonValues"],
    ["WorkflowExecution", "WorkflowExecution"],
    ["2fa", "T2fa"],
    ["--", "Unnamed"],
  ])("%j -> %s", (name, type) => {
    expect(pascalCase(name)).toBe(type);
  });
});

describe("NameRegistry", () => {
  it("numbers a name taken before, and never hands out the types the file uses", () => {
    const names = new NameRegistry();
    expect(names.claim("Workflow")).toBe("Workflow");
    expect(names.claim("Workflow")).toBe("Workflow2");
    expect(names.claim("Workflow")).toBe("Workflow3");
    expect(names.claim("Promise")).toBe("Promise2");
    expect(names.claim("Response")).toBe("Response2");
    expect(names.claim("CallInit")).toBe("CallInit2");
  });
});
