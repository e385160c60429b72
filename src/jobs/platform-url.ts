/**
 * The Civis Platform page of a job (or of one run), as civis-python's `job_url` and
 * `job_run_url`. civis-python always names platform.civisanalytics.com; here the page is
 * found from the client's API base URL, so other deployments work: an `api.` host becomes
 * `platform.` (`https://api.civisanalytics.com/` -> `https://platform.civisanalytics.com`);
 * any other host (a local sample API) keeps its own origin.
 */
export function platformUrl(baseUrl: string, jobId: number, runId?: number): string {
  const url = new URL(baseUrl);
  if (url.hostname.startsWith("api.")) url.hostname = `platform.${url.hostname.slice(4)}`;
  const page = `${url.origin}/spa/#/jobs/${jobId}`;
  return runId === undefined ? page : `${page}?runId=${runId}`;
}
