import { APIClient, type CivisResource, type ClientOptions } from "../../../src/index.js";
import type { TestServer } from "../../helpers/http-server.js";
import { jobsSpec } from "./jobs-spec.js";

/** The resources of the jobs spec, so tests need no `!` on each one. */
export type JobsApi = Readonly<
  Record<
    "jobs" | "scripts" | "databases" | "tables" | "credentials" | "storage_hosts" | "users",
    CivisResource
  >
>;

/** A client of the jobs spec that talks to the test server; no retries unless asked. */
export function jobsClient(
  server: TestServer,
  options: Partial<ClientOptions> = {},
): APIClient<JobsApi> {
  return new APIClient<JobsApi>({
    localApiSpec: jobsSpec(),
    apiKey: "jobs-test-key",
    baseUrl: server.url,
    retries: false,
    ...options,
  });
}

/** The requests' paths and queries, in order, without the ones `skip` names. */
export function paths(server: TestServer): string[] {
  return server.requests.map((r) => `${r.method} ${r.url}`);
}
