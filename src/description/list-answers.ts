/**
 * GET paths that answer lists although the Civis spec says they answer objects;
 * civis-python 2.9 (`GET_PATHS_WITH_ARRAY_RESPONSE`) treats them as lists, and so
 * do names (no `get_*` alias), `help()` and generated types.
 */
const LIST_PATHS: ReadonlySet<string> = new Set([
  "credentials/types",
  "databases/{id}/users",
  "jobs/{id}/children",
  "jobs/{id}/parents",
  "notebooks/{id}/git/commits",
  "reports/{id}/git/commits",
  "scripts/javascript/{id}/git/commits",
  "scripts/python3/{id}/git/commits",
  "scripts/r/{id}/git/commits",
  "scripts/sql/{id}/git/commits",
  "scripts/{id}/history",
  "workflows/{id}/git/commits",
]);

/** Whether a GET of `path` (as the model writes it: `/jobs/{id}/children`) answers a list whatever its spec says. */
export function answersListAnyway(path: string): boolean {
  return LIST_PATHS.has(path.slice(1));
}
