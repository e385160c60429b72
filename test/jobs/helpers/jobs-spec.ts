// A small Swagger 2.0 spec of the endpoints jobs and the client helpers use, with the
// parameters and answer properties of the real Civis spec's definitions (JobRun,
// LogRunLogResponseSummary, JobOutputSummary7, CustomRun, Database, Credential...).

type Schema = Record<string, unknown>;

const props = (names: Record<string, string>): Schema => ({
  type: "object",
  properties: Object.fromEntries(Object.entries(names).map(([k, type]) => [k, { type }])),
});
const list = (name: string) => ({ type: "array", items: { $ref: `#/definitions/${name}` } });
const one = (name: string) => ({ $ref: `#/definitions/${name}` });
const path = (name: string) => ({ name, in: "path", required: true, type: "integer" });
const query = (name: string, type = "string") => ({ name, in: "query", required: false, type });
const paged = [query("limit", "integer"), query("page_num", "integer")];
const ordered = [query("order"), query("order_dir")];
const op = (parameters: unknown[], status: string, schema?: Schema) => ({
  summary: "",
  parameters,
  responses: { [status]: { description: "success", ...(schema ? { schema } : {}) } },
});

const definitions = {
  JobRun: props({
    id: "integer",
    state: "string",
    createdAt: "string",
    startedAt: "string",
    finishedAt: "string",
    error: "string",
  }),
  CustomRun: props({
    id: "integer",
    customId: "integer",
    state: "string",
    isCancelRequested: "boolean",
    createdAt: "string",
    startedAt: "string",
    finishedAt: "string",
    error: "string",
  }),
  Log: props({ id: "integer", createdAt: "string", message: "string", level: "string" }),
  Output: props({
    objectType: "string",
    objectId: "integer",
    name: "string",
    link: "string",
    value: "string",
  }),
  Job: props({ id: "integer", name: "string", type: "string", state: "string" }),
  CustomScript: props({ id: "integer", name: "string", fromTemplateId: "integer" }),
  CancelResponse: props({ id: "integer", state: "string", isCancelRequested: "boolean" }),
  Database: props({ id: "integer", name: "string", adapter: "string" }),
  Table: props({ id: "integer", databaseId: "integer", schema: "string", name: "string" }),
  Credential: props({
    id: "integer",
    name: "string",
    type: "string",
    owner: "string",
    remoteHostId: "integer",
    default: "boolean",
  }),
  StorageHost: props({ id: "integer", name: "string", provider: "string", bucket: "string" }),
  UserMe: props({ id: "integer", name: "string", username: "string", email: "string" }),
};

const idRun = [path("id"), path("run_id")];

/** A fresh copy every call: clients may annotate a spec object. */
export function jobsSpec(): Record<string, unknown> {
  return {
    swagger: "2.0",
    info: { title: "Civis jobs (test)", version: "1.0" },
    paths: {
      "/jobs/{id}": { get: op([path("id")], "200", one("Job")) },
      "/jobs/{id}/runs": {
        get: op([path("id"), ...paged, ...ordered], "200", list("JobRun")),
        post: op([path("id")], "201", one("JobRun")),
      },
      "/jobs/{id}/runs/{run_id}": {
        get: op(idRun, "200", one("JobRun")),
        delete: op(idRun, "202"),
      },
      "/jobs/{id}/runs/{run_id}/logs": {
        get: op(
          [...idRun, query("last_id", "integer"), query("limit", "integer")],
          "200",
          list("Log"),
        ),
      },
      "/jobs/{id}/runs/{run_id}/outputs": {
        get: op([...idRun, ...paged, ...ordered], "200", list("Output")),
      },
      "/scripts/{id}/cancel": { post: op([path("id")], "202", one("CancelResponse")) },
      "/scripts/custom": {
        post: op(
          [
            {
              name: "CustomScriptCreateRequest",
              in: "body",
              required: true,
              schema: {
                type: "object",
                required: ["fromTemplateId"],
                properties: {
                  fromTemplateId: { type: "integer" },
                  name: { type: "string" },
                  arguments: { type: "object" },
                  remoteHostId: { type: "integer" },
                  credentialId: { type: "integer" },
                },
              },
            },
          ],
          "201",
          one("CustomScript"),
        ),
      },
      "/scripts/custom/{id}/runs": { post: op([path("id")], "202", one("CustomRun")) },
      "/scripts/custom/{id}/runs/{run_id}": { get: op(idRun, "200", one("CustomRun")) },
      "/scripts/custom/{id}/runs/{run_id}/outputs": {
        get: op([...idRun, ...paged, ...ordered], "200", list("Output")),
      },
      "/databases/": { get: op([], "200", list("Database")) },
      "/tables/": {
        get: op(
          [query("database_id", "integer"), query("schema"), query("name"), ...paged],
          "200",
          list("Table"),
        ),
      },
      "/credentials/": {
        get: op(
          [
            query("type"),
            query("remote_host_id", "integer"),
            query("default", "boolean"),
            query("name"),
            ...paged,
          ],
          "200",
          list("Credential"),
        ),
      },
      "/storage_hosts/": { get: op([], "200", list("StorageHost")) },
      "/users/me": { get: op([], "200", one("UserMe")) },
    },
    definitions,
  };
}
