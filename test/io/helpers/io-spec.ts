// A small Swagger 2.0 spec with the operations civis/io calls, shaped like the real Civis
// spec's (names, parameters, body properties), for tests against a local server.

type Props = Record<string, { type: string; properties?: Props; items?: { type: string } }>;

const str = { type: "string" };
const int = { type: "integer" };
const bool = { type: "boolean" };
const obj = (properties: Props = {}) => ({ type: "object", properties });
const arr = (type = "object") => ({ type: "array", items: { type } });

function op(
  params: { path?: string[]; query?: string[]; body?: Props; required?: string[] },
  array = false,
) {
  const parameters: unknown[] = [
    ...(params.path ?? []).map((name) => ({ name, in: "path", required: true, type: "integer" })),
    ...(params.query ?? []).map((name) => ({ name, in: "query", required: false, type: "string" })),
  ];
  if (params.body) {
    parameters.push({
      name: "body",
      in: "body",
      required: true,
      schema: { type: "object", required: params.required ?? [], properties: params.body },
    });
  }
  return {
    summary: "",
    parameters,
    responses: { "200": { description: "ok", schema: array ? arr() : obj() } },
  };
}

const csvSettings = obj({
  includeHeader: bool,
  compression: str,
  columnDelimiter: str,
  unquoted: bool,
  filenamePrefix: str,
  forceMultifile: bool,
  maxFileSize: int,
});

/** The spec, with its server at `baseUrl`. */
export function ioSpec(baseUrl: string): Record<string, unknown> {
  const url = new URL(baseUrl);
  return {
    swagger: "2.0",
    info: { title: "io test", version: "1" },
    schemes: [url.protocol.replace(":", "")],
    host: url.host,
    basePath: "/",
    paths: {
      "/files/": {
        post: op({ body: { name: str, expiresAt: str, description: str }, required: ["name"] }),
      },
      "/files/multipart": {
        post: op({
          body: { name: str, numParts: int, expiresAt: str, description: str },
          required: ["name", "numParts"],
        }),
      },
      "/files/multipart/{id}/complete": { post: op({ path: ["id"] }) },
      "/files/{id}": { get: op({ path: ["id"], query: ["link_expires_at", "inline"] }) },
      "/queries/": {
        post: op({
          body: { database: int, sql: str, previewRows: int, credential: int, hidden: bool },
          required: ["database", "sql", "previewRows"],
        }),
      },
      "/queries/{id}": { get: op({ path: ["id"] }) },
      "/scripts/sql": {
        post: op({
          body: {
            name: str,
            sql: str,
            remoteHostId: int,
            credentialId: int,
            hidden: bool,
            csvSettings,
            params: arr(),
            arguments: obj(),
          },
          required: ["name", "sql", "remoteHostId", "credentialId"],
        }),
      },
      "/scripts/sql/{id}/runs": { post: op({ path: ["id"] }) },
      "/scripts/sql/{id}/runs/{run_id}": { get: op({ path: ["id", "run_id"] }) },
      "/imports/files/csv": {
        post: op({
          body: {
            name: str,
            source: obj({ fileIds: arr("integer") }),
            destination: obj({
              schema: str,
              table: str,
              remoteHostId: int,
              credentialId: int,
              primaryKeys: arr("string"),
              lastModifiedKeys: arr("string"),
            }),
            firstRowIsHeader: bool,
            columnDelimiter: str,
            escaped: bool,
            compression: str,
            existingTableRows: str,
            maxErrors: int,
            tableColumns: arr(),
            loosenTypes: bool,
            execution: str,
            redshiftDestinationOptions: obj({
              diststyle: str,
              distkey: str,
              sortkeys: arr("string"),
            }),
            hidden: bool,
          },
          required: ["source", "destination", "firstRowIsHeader"],
        }),
      },
      "/jobs/{id}/runs": { post: op({ path: ["id"] }) },
      "/jobs/{id}/runs/{run_id}": { get: op({ path: ["id", "run_id"] }) },
      "/jobs/{id}/runs/{run_id}/logs": {
        get: op({ path: ["id", "run_id"], query: ["last_id", "limit"] }, true),
      },
      "/databases/": { get: op({}, true) },
      "/databases/{id}/schemas/{schema_name}/tables/{table_name}": {
        get: {
          ...op({ path: ["id"] }),
          parameters: [
            { name: "id", in: "path", required: true, type: "integer" },
            { name: "schema_name", in: "path", required: true, type: "string" },
            { name: "table_name", in: "path", required: true, type: "string" },
          ],
        },
      },
      "/users/me": { get: op({}) },
    },
  };
}
