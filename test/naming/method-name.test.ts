import { describe, expect, it } from "vitest";
import { methodName } from "../../src/naming/method-name.js";

describe("methodName (the civis-python rule)", () => {
  it.each([
    ["get", "/workflows", "list"],
    ["get", "/workflows/{id}", "get"],
    ["get", "/workflows/{id}/executions", "list_executions"],
    ["patch", "/workflows/{id}", "patch"],
    ["post", "/workflows/{id}/executions", "post_executions"],
    ["get", "/workflows/{id}/executions/{execution_id}", "get_executions"],
    ["get", "/users/me", "list_me"],
    ["get", "/tables/{id}/columns/{column_id}/{name}", "get_columns_name"],
    ["get", "/git-repos/{id}/ref-names", "list_ref_names"],
    ["DELETE", "/workflows/{id}", "delete"],
  ])("%s %s -> %s", (verb, path, expected) => {
    expect(methodName(verb, path)).toBe(expected);
  });
});
