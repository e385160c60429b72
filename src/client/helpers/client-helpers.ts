import type { Api } from "./lookups.js";
import { fieldOf, plainBody } from "./plain-body.js";

/**
 * The lookups load on first use: few pages call them, so `import { APIClient }` does not
 * carry them (a bundler makes them a chunk of their own; the UMD and the CLI inline them).
 * The chunk must import nothing of the core (lookups.ts takes what it needs as arguments):
 * esbuild, bundling without code splitting, wraps every module an inlined dynamic import
 * reaches in a lazy initializer, and that would be the whole core.
 */
const lookups = () => import("./lookups.js");

type Lookups = Awaited<ReturnType<typeof lookups>>;
type After<F> = F extends (api: Api, ...rest: infer R) => unknown ? R : never;

/** Runs lookup `name` for `client` (the lookups take the client with the core's body readers). */
function lookup<K extends keyof Lookups>(
  client: object,
  name: K,
  ...args: After<Lookups[K]>
): ReturnType<Lookups[K]> {
  return lookups().then((l) =>
    (l[name] as (api: Api, ...rest: unknown[]) => unknown)(
      { client: client as Api["client"], plainBody, fieldOf },
      ...args,
    ),
  ) as ReturnType<Lookups[K]>;
}

/**
 * A property read that nobody awaits (a debugger or a test listing a client's members) must
 * not end a Node process with an unhandled rejection; whoever awaits still gets the error.
 */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * civis-python's `APIClient` members: lookups by name, memoized per client (a failed one is
 * forgotten, so it can be tried again), two calls at once sharing one request. They call the
 * client's public methods only, so a custom fetch or the testing kit sees ordinary calls.
 */
export class ClientHelpers {
  /** A database's id from its name; a number is returned as is. */
  get_database_id(database: string | number): Promise<number> {
    return lookup(this, "databaseId", database);
  }

  /** A storage host's id from its name; a number is returned as is. */
  get_storage_host_id(storageHost: string | number): Promise<number> {
    return lookup(this, "storageHostId", storageHost);
  }

  /** A table's id from `schema.table` (or a bare name) and its database's name or id. */
  get_table_id(table: string, database: string | number): Promise<number> {
    return lookup(this, "tableId", table, database);
  }

  /**
   * An AWS credential's id from its name (a number is returned as is). Several with that name:
   * the one of `owner`, else the current user's; several still is an error.
   */
  get_aws_credential_id(name: string | number, owner?: string): Promise<number> {
    return lookup(this, "awsCredentialId", name, owner);
  }

  /** The current user's user name (`users.list_me`). */
  get username(): Promise<string> {
    return quiet(lookup(this, "username"));
  }

  /** The current user's default database credential's id, as civis-python finds it. */
  get default_database_credential_id(): Promise<number> {
    return quiet(lookup(this, "defaultDatabaseCredentialId"));
  }
}
