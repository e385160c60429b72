import { notFound } from "./closest-names.js";
import type { fieldOf, plainBody } from "./plain-body.js";
import { splitSchemaTable } from "./split-schema-table.js";

type Named = Record<string, unknown>;
type Lister = (params?: Named) => Promise<unknown>;
type Resources = Readonly<
  Record<
    "databases" | "tables" | "storage_hosts" | "credentials" | "users",
    Readonly<Record<"list" | "list_me", Lister>>
  >
>;

/**
 * The client, and the core's readers of its answers, handed over by the caller: this module
 * loads on demand, and one that imported the core would make a bundler that inlines it
 * (esbuild without code splitting) wrap the whole core in lazy initializers.
 */
export interface Api {
  readonly client: Resources;
  readonly plainBody: typeof plainBody;
  readonly fieldOf: typeof fieldOf;
}

const list = async (api: Api, answer: Promise<unknown>): Promise<Named[]> => {
  const body = await api.plainBody(await answer);
  return Array.isArray(body) ? body : [];
};

// Redshift folds names to lower case, so a table's name matches in any case.
const same = (a: unknown, b: unknown) => !b || String(a).toLowerCase() === String(b).toLowerCase();

/** Per client: its lookups, by arguments, while they run or since they succeeded. */
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * One lookup per client and key (the lookup's name, then its arguments: two lookups given the
 * same arguments must not share an answer): memoized (a failed one is forgotten, so it can be
 * tried again), two calls at once sharing one request.
 */
function once<T>(api: Api, key: unknown[], lookup: () => Promise<T>): Promise<T> {
  const id = JSON.stringify(key);
  const memo = memos.get(api.client) ?? new Map<string, Promise<unknown>>();
  memos.set(api.client, memo);
  let pending = memo.get(id);
  if (!pending) {
    pending = lookup();
    memo.set(id, pending);
    pending.catch(() => memo.delete(id));
    // civis-python's lru_cache holds 128: memory stays bounded.
    if (memo.size > 128) memo.delete(memo.keys().next().value as string);
  }
  return pending as Promise<T>;
}

/** Whether `name` is an id (a number, returned as is); else it must be a name, before any request. */
function isId(what: string, name: unknown): name is number {
  if (name === +(name as number)) return true;
  if (name && typeof name === "string") return false;
  throw new TypeError(`${what} must be a name or an id, not ${String(name)}`);
}

/** The id of the item named `name` in a list; a number is returned as is. */
function named(
  api: Api,
  what: string,
  name: string | number,
  lister: (client: Resources) => Lister,
): Promise<number> {
  return once(api, [what, name], async () => {
    if (isId(what, name)) return name;
    const items = await list(api, lister(api.client)());
    const found = items.find((item) => item.name === name);
    if (found) return found.id as number;
    throw notFound(
      `${what} "${name}"`,
      items.map((item) => item.name),
      name,
    );
  });
}

/** A database's id from its name; a number is returned as is. */
export const databaseId = (api: Api, database: string | number): Promise<number> =>
  named(api, "Database", database, (a) => a.databases.list);

/** A storage host's id from its name; a number is returned as is. */
export const storageHostId = (api: Api, storageHost: string | number): Promise<number> =>
  named(api, "Storage host", storageHost, (a) => a.storage_hosts.list);

/** A table's id from `schema.table` (or a bare name) and its database's name or id. */
export function tableId(api: Api, table: string, database: string | number): Promise<number> {
  return once(api, ["Table", table, database], async () => {
    const [schema, name] = splitSchemaTable(table);
    const database_id = await databaseId(api, database);
    let tables = await list(api, api.client.tables.list({ database_id, schema, name }));
    const found = tables.find((t) => same(t.name, name) && same(t.schema, schema));
    if (found) return found.id as number;
    // Nothing by that name: the schema's tables are the closest names.
    if (!tables[0]) tables = await list(api, api.client.tables.list({ database_id, schema }));
    throw notFound(
      `Table "${table}" in database ${database}`,
      tables.map((t) => `${t.schema}.${t.name}`),
      table,
    );
  });
}

/**
 * An AWS credential's id from its name (a number is returned as is). Several with that name:
 * the one of `owner`, else the current user's; several still is an error.
 */
export function awsCredentialId(api: Api, name: string | number, owner?: string): Promise<number> {
  return once(api, ["AWS", name, owner], async () => {
    if (isId("AWS credential", name)) return name;
    const all = await list(api, api.client.credentials.list({ type: "Amazon Web Services S3" }));
    const owned = (by?: string) => all.filter((c) => c.name === name && same(c.owner, by));
    let found = owned(owner);
    if (found[1] && !owner) {
      const mine = owned(await username(api));
      if (mine[0]) found = mine;
    }
    if (found.length === 1) return (found[0] as Named).id as number;
    const what = `AWS credential "${name}"${owner ? ` of ${owner}` : ""}`;
    throw found[0]
      ? new Error(`${what}: ${found.length} match; give the owner`)
      : notFound(
          what,
          all.map((c) => c.name),
          name,
        );
  });
}

/** The current user's user name (`users.list_me`). */
export const username = (api: Api): Promise<string> =>
  once(api, [1], async () =>
    String(api.fieldOf(await api.plainBody(await api.client.users.list_me()), "username")),
  );

/** The current user's default database credential's id, as civis-python finds it. */
export const defaultDatabaseCredentialId = (api: Api): Promise<number> =>
  once(api, [2], async () => {
    const [found] = await list(
      api,
      api.client.credentials.list({ default: true, type: "Database" }),
    );
    if (found) return found.id as number;
    throw new Error("Default database credential not found");
  });
