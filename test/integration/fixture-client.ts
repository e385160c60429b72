import { APIClient, type CivisResource } from "../../src/index.js";
import { loadFixture } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/http-server.js";

/** The key every integration test sends; distinctive so a leak is easy to spot. */
export const API_KEY = "it-key-7Hq2zX9w";

/** `Basic base64(key + ":")`, as the server must see it. */
export const AUTHORIZATION = `Basic ${Buffer.from(`${API_KEY}:`).toString("base64")}`;

/** The resources of the Swagger 2.0 fixture, so tests need no `!` on each one. */
export type FixtureApi = Readonly<
  Record<
    | "workflows"
    | "users"
    | "json_values"
    | "git_repos"
    | "tables"
    | "imports"
    | "scripts"
    | "reports",
    CivisResource
  >
>;

/**
 * A client of a fresh copy of the Swagger 2.0 fixture (operations, and their once-only
 * deprecation warnings, are cached per spec object), sending to the test server, no retries.
 */
export function fixtureClient(
  server: TestServer,
  options: Partial<ConstructorParameters<typeof APIClient>[0]> = {},
): APIClient<FixtureApi> {
  return new APIClient<FixtureApi>({
    localApiSpec: loadFixture("swagger2-basic"),
    apiKey: API_KEY,
    baseUrl: server.url,
    retries: false,
    ...options,
  });
}
