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

/**
 * civis-python's `APIClient` members: lookups by name, memoized per client (a failed one is
 * forgotten, so it can be tried again), two calls at once sharing one request. They call the
 * client's public methods only, so a custom fetch or the testing kit sees ordinary calls.
 */
/**
 * A property read that nobody awaits (a debugger or a test listing a client's members) must
 * not end a Node process with an unhandled rejection; whoever awaits still gets the error.
 */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

export class ClientHelpers {
  /** The client as the lookups take it. */
  #api(): Api {
    return { client: this as unknown as Api["client"], plainBody, fieldOf };
  }

  /** A database's id from its name; a number is returned as is. */
  get_database_id(database: string | number): Promise<number> {
    return lookups().then((l) => l.databaseId(this.#api(), database));
  }

  /** A storage host's id from its name; a number is returned as is. */
  get_storage_host_id(storageHost: string | number): Promise<number> {
    return lookups().then((l) => l.storageHostId(this.#api(), storageHost));
  }

  /** A table's id from `schema.table` (or a bare name) and its database's name or id. */
  get_table_id(table: string, database: string | number): Promise<number> {
    return lookups().then((l) => l.tableId(this.#api(), table, database));
  }

  /**
   * An AWS credential's id from its name (a number is returned as is). Several with that name:
   * the one of `owner`, else the current user's; several still is an error.
   */
  get_aws_credential_id(name: string | number, owner?: string): Promise<number> {
    return lookups().then((l) => l.awsCredentialId(this.#api(), name, owner));
  }

  /** The current user's user name (`users.list_me`). */
  get username(): Promise<string> {
    return quiet(lookups().then((l) => l.username(this.#api())));
  }

  /** The current user's default database credential's id, as civis-python finds it. */
  get default_database_credential_id(): Promise<number> {
    return quiet(lookups().then((l) => l.defaultDatabaseCredentialId(this.#api())));
  }
}
