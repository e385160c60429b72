import { describe, expect, it } from "vitest";
import {
  getAliasName,
  isParamSegment,
  methodName,
  resourceName,
} from "../../src/naming/method-name.js";

describe("methodName (the civis-python rule)", () => {
  it.each([
    ["get", "/workflows", "list"],
    ["get", "/workflows/{id}", "get"],
    ["get", "/workflows/{id}/executions", "list_executions"],
    ["patch", "/workflows/{id}", "patch"],
    ["post", "/workflows/{id}/executions", "post_executions"],
    ["get", "/workflows/{id}/executions/{execution_id}", "get_executions"],
    ["get", "/users/me", "list_me"],
    ["get", "/tables/{id}/columns/{column_id}/{name}", "get_columns_column_id"],
    ["get", "/scripts/containers/{id}/{run_id}", "get_containers_id"],
    ["get", "/containers/{id}/{run_id}", "get_id"],
    ["get", "/aliases/{object_type}/{alias}", "get_object_type"],
    [
      "get",
      "/databases/{id}/schemas/{schema_name}/tables/{table_name}/privileges/{x}",
      "get_schemas_tables_privileges",
    ],
    [
      "get",
      "/databases/{id}/table_privileges/{schema_name}/{table_name}",
      "get_table_privileges_schema_name",
    ],
    ["get", "/git-repos/{id}/ref-names", "list_ref_names"],
    ["DELETE", "/workflows/{id}", "delete"],
  ])("%s %s -> %s", (verb, path, expected) => {
    expect(methodName(verb, path)).toBe(expected);
  });

  it.each([
    ["post", "/workflows", "post"],
    ["put", "/workflows/{id}", "put"],
    ["delete", "/workflows/{id}/executions/{execution_id}", "delete_executions"],
    ["put", "/reports/{id}/shares/users", "put_shares_users"],
    ["delete", "/reports/{id}/shares/users/{user_id}", "delete_shares_users"],
    ["get", "/a/{b}/{c}/{d}", "get_b_c"],
    ["get", "/{a}/{b}", "get"],
    ["get", "/imports/{id}/files", "list_files"],
    ["get", "/workflows/", "list"],
    ["head", "/workflows/{id}", "head"],
    ["GET", "/json_values/{id}", "get"],
  ])("more: %s %s -> %s", (verb, path, expected) => {
    expect(methodName(verb, path)).toBe(expected);
  });
});

describe("getAliasName (civis-python 2.9's get_* names)", () => {
  it.each([
    ["get", "/users/me", "get_me"],
    ["GET", "/jobs/{id}/runs/{run_id}/outputs", "get_runs_outputs"],
    ["get", "/git-repos/{id}/ref-names", "get_ref_names"],
    ["get", "/workflows", "get"],
    ["get", "/scripts/containers/{id}/{run_id}/logs", "get_containers_id_logs"],
  ])("%s %s -> %s", (verb, path, expected) => {
    expect(getAliasName(verb, path)).toBe(expected);
  });

  it.each([
    ["get", "/workflows/{id}"],
    ["post", "/users/me"],
    ["delete", "/jobs/{id}/runs"],
  ])("%s %s has none", (verb, path) => {
    expect(getAliasName(verb, path)).toBeUndefined();
  });
});

describe("resourceName", () => {
  it.each([
    ["workflows", "workflows"],
    ["json_values", "json_values"],
    ["git-repos", "git_repos"],
    ["Git-Repos", "git_repos"],
    ["toString", "tostring"],
  ])("%j -> %j", (segment, expected) => {
    expect(resourceName(segment)).toBe(expected);
  });
});

describe("isParamSegment", () => {
  it("is true for `{name}` only", () => {
    expect(isParamSegment("{id}")).toBe(true);
    expect(isParamSegment("id")).toBe(false);
    expect(isParamSegment("{id")).toBe(false);
    expect(isParamSegment("x{id}")).toBe(false);
    expect(isParamSegment("{id}.json")).toBe(false);
  });
});
