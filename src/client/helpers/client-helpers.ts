import { notFound } from "./closest-names.js";
import { fieldOf, plainBody } from "./plain-body.js";
import { splitSchemaTable } from "./split-schema-table.js";

type Named = Record<string, unknown>;
type Lister = (params?: Named) => Promise<unknown>;
type Api = Readonly<
  Record<
    "databases" | "tables" | "storage_hosts" | "credentials" | "users",
    Readonly<Record<"list" | "list_me", Lister>>
  >
>;

const list = async (answer: Promise<unknown>): Promise<Named[]> => {
  const body = await plainBody(await answer);
  return Array.isArray(body) ? body : [];
};

// Redshift folds names to lower case, so a table's name matches in any case.
const same = (a: unknown, b: unknown) => !b || String(a).toLowerCase() === String(b).toLowerCase();

/**
 * civis-python's `APIClient` members: lookups by name, memoized per client (a failed one is
 * forgotten, so it can be tried again), two calls at once sharing one request. They call the
 * client's public methods only, so a custom fetch or the testing kit sees ordinary calls.
 */
export class ClientHelpers {
  readonly #memo = new Map<string, Promise<unknown>>();

  #once<T>(key: unknown[], lookup: (api: Api) => Promise<T>): Promise<T> {
    const id = JSON.stringify(key);
    const memo = this.#memo;
    let pending = memo.get(id);
    if (!pending) {
      pending = lookup(this as unknown as Api);
      memo.set(id, pending);
      pending.catch(() => memo.delete(id));
      // civis-python's lru_cache holds 128: memory stays bounded.
      if (memo.size > 128) memo.delete(memo.keys().next().value as string);
    }
    return pending as Promise<T>;
  }

  /** The id of the item named `name` in a list; a number is returned as is. */
  #named(what: string, name: string | number, lister: (api: Api) => Lister): Promise<number> {
    return this.#once([what, name], async (api) => {
      if (name === +name) return name;
      const items = await list(lister(api)());
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
  get_database_id(database: string | number): Promise<number> {
    return this.#named("Database", database, (api) => api.databases.list);
  }

  /** A storage host's id from its name; a number is returned as is. */
  get_storage_host_id(storageHost: string | number): Promise<number> {
    return this.#named("Storage host", storageHost, (api) => api.storage_hosts.list);
  }

  /** A table's id from `schema.table` (or a bare name) and its database's name or id. */
  get_table_id(table: string, database: string | number): Promise<number> {
    return this.#once([table, database], async (api) => {
      const [schema, name] = splitSchemaTable(table);
      const database_id = await this.get_database_id(database);
      let tables = await list(api.tables.list({ database_id, schema, name }));
      const found = tables.find((t) => same(t.name, name) && same(t.schema, schema));
      if (found) return found.id as number;
      // Nothing by that name: the schema's tables are the closest names.
      if (!tables[0]) tables = await list(api.tables.list({ database_id, schema }));
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
  get_aws_credential_id(name: string | number, owner?: string): Promise<number> {
    return this.#once([name, owner], async (api) => {
      if (name === +name) return name;
      const all = await list(api.credentials.list({ type: "Amazon Web Services S3" }));
      const owned = (by?: string) => all.filter((c) => c.name === name && same(c.owner, by));
      let found = owned(owner);
      if (found[1] && !owner) {
        const mine = owned(await this.username);
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
  get username(): Promise<string> {
    return this.#once([1], async (api) =>
      String(fieldOf(await plainBody(await api.users.list_me()), "username")),
    );
  }

  /** The current user's default database credential's id, as civis-python finds it. */
  get default_database_credential_id(): Promise<number> {
    return this.#once([2], async (api) => {
      const [found] = await list(api.credentials.list({ default: true, type: "Database" }));
      if (found) return found.id as number;
      throw new Error("Default database credential not found");
    });
  }
}
