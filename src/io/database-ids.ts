import { apiMethod, field, type IoClient } from "./answer-fields.js";

/**
 * The database's id (civis-python's `client.get_database_id`): a number as is, a name looked
 * up by the client's helper.
 */
export async function databaseId(client: IoClient, database: string | number): Promise<number> {
  if (typeof database === "number") return database;
  const helper = client.get_database_id;
  if (typeof helper !== "function") {
    throw new TypeError(
      `this client has no get_database_id to look up database "${database}": pass its id`,
    );
  }
  return (await (helper as (name: string) => Promise<number>).call(client, database)) as number;
}

/** The credential to run SQL with: the one given, else the user's default database credential. */
export async function credentialId(client: IoClient, given: number | undefined): Promise<number> {
  if (given !== undefined) return given;
  const own = client.default_database_credential_id;
  if (own !== undefined) return (await own) as number;
  const me = await apiMethod(client, "users", "list_me")();
  return field(me, "default_database_credential_id") as number;
}

/** A database argument: a name or a positive integer id, checked before any request. */
export function checkDatabase(database: unknown): void {
  const ok =
    (typeof database === "string" && database.length > 0) ||
    // Number.isInteger is false for anything but a number.
    (Number.isInteger(database) && (database as number) > 0);
  if (!ok) throw new TypeError(`database must be a name or an id, not ${JSON.stringify(database)}`);
}
