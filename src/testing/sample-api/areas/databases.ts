// Databases, tables, credentials and storage hosts: what the client's lookups by name
// (`get_database_id`, `get_table_id`, `get_aws_credential_id`, `get_storage_host_id`,
// `default_database_credential_id`) read, with the filters the real API applies.
import type { SampleArea } from "../area.js";
import type { JsonObject } from "../json.js";
import { ok, paginate } from "../results.js";
import {
  arrayOf,
  bool,
  int,
  object,
  ok as okSchema,
  op,
  pagination,
  ref,
  str,
} from "../spec-builders.js";
import { byId, type SampleData } from "../store.js";
import type { Parameter } from "../swagger.js";

interface Database {
  id: number;
  name: string;
  adapter: string;
  host: string;
  port: number;
  databaseName: string;
  managed: boolean;
}
interface Table {
  id: number;
  databaseId: number;
  schema: string;
  name: string;
  rowCount: number;
  columnCount: number;
  isView: boolean;
}
interface Credential {
  id: number;
  name: string;
  type: string;
  username: string;
  owner: string;
  remoteHostId: number | null;
  remoteHostName: string | null;
  default: boolean;
}
interface StorageHost {
  id: number;
  name: string;
  provider: string;
  bucket: string;
}

declare module "../store.js" {
  interface SampleData {
    databases: Map<number, Database>;
    tables: Map<number, Table>;
    credentials: Map<number, Credential>;
    storageHosts: Map<number, StorageHost>;
  }
}

/** Per seeded table list: the ids of the tables it lists because SQL can read them. */
const fromSql = new WeakMap<Map<number, Table>, Set<number>>();

/**
 * The tables of the sample database: the seeded ones, and every table SQL can read (the
 * seeded `sample.*` ones, and those an import wrote), as the API lists a database's tables;
 * so `get_table_id` finds a table that `readCivis` reads. A table SQL can read keeps one id.
 */
function tablesOf(data: SampleData): Table[] {
  const ids = fromSql.get(data.tables) ?? new Set<number>();
  fromSql.set(data.tables, ids);
  const known = new Set(all(data.tables).map((t) => `${t.schema}.${t.name}`.toLowerCase()));
  for (const key of data.sqlTables.keys()) {
    if (known.has(key)) continue;
    const [, schema = "", name = ""] = /^([^.]*)\.(.*)$/.exec(key) ?? [];
    const id = Math.max(5000, ...data.tables.keys()) + 1;
    data.tables.set(id, {
      id,
      databaseId: 32,
      schema,
      name,
      rowCount: 0,
      columnCount: 0,
      isView: false,
    });
    ids.add(id);
  }
  return all(data.tables).flatMap((t) => {
    if (!ids.has(t.id)) return [t];
    const sql = data.sqlTables.get(`${t.schema}.${t.name}`);
    return sql ? [{ ...t, rowCount: sql.rows.length, columnCount: sql.columns.length }] : [];
  });
}

const query = (name: string, type: Parameter["type"], description: string): Parameter => ({
  name,
  in: "query",
  required: false,
  type,
  description,
});

const all = <T>(records: Map<number, T>) => [...records.values()];
const asJson = (record: object) => ({ ...record }) as JsonObject;

export const databases: SampleArea = {
  paths: {
    "/databases": {
      get: op("databases", "List databases", [], okSchema(arrayOf(ref("Database")))),
    },
    "/tables": {
      get: op(
        "tables",
        "List tables",
        [
          query("database_id", "integer", "The ID of the database."),
          query(
            "schema",
            "string",
            'If specified, will be used to filter the tables returned. Substring matching is supported with "%" and "*" wildcards (e.g., "schema=%census%" will return both "client_census.table" and "census_2010.table").',
          ),
          query(
            "name",
            "string",
            'If specified, will be used to filter the tables returned. Substring matching is supported with "%" and "*" wildcards.',
          ),
          ...pagination(),
        ],
        okSchema(arrayOf(ref("TableSummary"))),
      ),
    },
    "/credentials": {
      get: op(
        "credentials",
        "List credentials",
        [
          query(
            "type",
            "string",
            "The type (or types) of credentials to return, comma-separated (e.g. Database, Amazon Web Services S3).",
          ),
          query(
            "remote_host_id",
            "integer",
            "The ID of the remote host associated with the credentials to return.",
          ),
          query(
            "default",
            "boolean",
            "If true, will return a list with a single credential which is the current user's default credential.",
          ),
          query(
            "name",
            "string",
            "If specified, will be used to filter the credentials returned. Will search across name and will return any full name containing the search string.",
          ),
          ...pagination(),
        ],
        okSchema(arrayOf(ref("Credential"))),
      ),
    },
    "/storage_hosts": {
      get: op("storage_hosts", "List the storage hosts", [], okSchema(arrayOf(ref("StorageHost")))),
    },
  },
  definitions: {
    Database: object({
      id: int("The ID for the database."),
      name: str("The name of the database in Platform."),
      adapter: str("The type of the database."),
      host: str("The host of the database server."),
      port: int("The port of the database server."),
      databaseName: str("The internal name of the database."),
      managed: bool("True if the database is Civis-managed. False otherwise."),
    }),
    TableSummary: object({
      id: int("The ID of the table."),
      databaseId: int("The ID of the database."),
      schema: str("The name of the schema containing the table."),
      name: str("Name of the table."),
      isView: bool("True if this table represents a view. False if it represents a regular table."),
      rowCount: int("The number of rows in the table."),
      columnCount: int("The number of columns in the table."),
    }),
    Credential: object({
      id: int("The ID of the credential."),
      name: str("The name identifying the credential"),
      type: str("The credential's type."),
      username: str("The username for the credential."),
      owner: str("The username of the user who this credential belongs to."),
      remoteHostId: int("The ID of the remote host associated with this credential."),
      remoteHostName: str("The name of the remote host associated with this credential."),
      default: bool("Whether or not the credential is a default. Only for Database credentials."),
    }),
    StorageHost: object({
      id: int("The ID of the storage host."),
      name: str("The human readable name for the storage host."),
      provider: str(
        "The storage provider. One of s3, azure_blob_storage, or google_cloud_storage.",
      ),
      bucket: str("The bucket for this storage host."),
    }),
  },
  handlers: {
    "GET /databases": ({ data }) => ok(all(data.databases).map(asJson)),
    "GET /tables": ({ data, query: q }) => {
      // The API matches schema and name without regard to case, with % and * as wildcards.
      const like = (pattern: unknown) => {
        if (pattern === undefined) return () => true;
        const source = String(pattern)
          .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
          .replace(/[%*]/g, ".*");
        const re = new RegExp(`^${source}$`, "i");
        return (value: string) => re.test(value);
      };
      const schema = like(q.schema);
      const name = like(q.name);
      const tables = tablesOf(data).filter(
        (t) =>
          (q.database_id === undefined || t.databaseId === q.database_id) &&
          schema(t.schema) &&
          name(t.name),
      );
      return paginate(tables, q, asJson);
    },
    "GET /credentials": ({ data, query: q }) => {
      const me = data.users.get(data.currentUserId)?.username;
      const types = q.type === undefined ? undefined : String(q.type).split(",");
      const creds = all(data.credentials).filter(
        (c) =>
          (types === undefined || types.includes(c.type)) &&
          (q.remote_host_id === undefined || c.remoteHostId === q.remote_host_id) &&
          (q.default !== true || (c.default && c.owner === me)) &&
          (q.name === undefined || c.name.toLowerCase().includes(String(q.name).toLowerCase())),
      );
      return paginate(creds, q, asJson);
    },
    "GET /storage_hosts": ({ data }) => ok(all(data.storageHosts).map(asJson)),
  },
  seed(data) {
    const db = (id: number, name: string, adapter: string): Database => ({
      id,
      name,
      adapter,
      host: `${name}.example.com`,
      port: adapter === "redshift" ? 5439 : 5432,
      databaseName: "dev",
      managed: true,
    });
    data.databases = byId([
      db(32, "redshift-general", "redshift"),
      db(33, "redshift-dev", "redshift"),
      db(40, "postgres-analytics", "postgres"),
    ]);
    const tables: [string, string, number][] = [
      ["public", "voters_2024", 1204332],
      ["public", "voters_clean", 1198207],
      ["scores", "turnout", 0],
      ["scores", "support", 880421],
      ["Has.Dots", "odd table", 3],
    ];
    data.tables = byId(
      tables.map(([schema, name, rowCount], n) => ({
        id: 5001 + n,
        databaseId: 32,
        schema,
        name,
        rowCount,
        columnCount: 12,
        isView: false,
      })),
    );
    const cred = (
      id: number,
      name: string,
      type: string,
      owner: string,
      isDefault = false,
    ): Credential => ({
      id,
      name,
      type,
      username: owner,
      owner,
      remoteHostId: type === "Database" ? 32 : null,
      remoteHostName: type === "Database" ? "redshift-general" : null,
      default: isDefault,
    });
    data.credentials = byId([
      cred(701, "demo.user", "Database", "demo.user", true),
      cred(702, "ada.analyst", "Database", "ada.analyst", true),
      cred(711, "research-bucket", "Amazon Web Services S3", "demo.user"),
      cred(712, "research-bucket", "Amazon Web Services S3", "ada.analyst"),
      cred(713, "archive-bucket", "Amazon Web Services S3", "ada.analyst"),
    ]);
    data.storageHosts = byId([
      { id: 81, name: "demo-s3", provider: "s3", bucket: "demo-bucket" },
      { id: 82, name: "archive-s3", provider: "s3", bucket: "archive-bucket" },
    ]);
  },
};
