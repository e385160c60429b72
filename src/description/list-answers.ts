/**
 * GET paths that answer lists although the Civis spec says they answer objects;
 * civis-python 2.9 (`GET_PATHS_WITH_ARRAY_RESPONSE`) treats them as lists, and so
 * do names (no `get_*` alias), `help()` and generated types. One regex, fewer bytes
 * than the twelve paths written out:
 * credentials/types, databases/{id}/users, jobs/{id}/children, jobs/{id}/parents,
 * scripts/{id}/history, and {id}/git/commits under notebooks, reports, workflows and
 * scripts/javascript, scripts/python3, scripts/r, scripts/sql.
 */
const LIST_PATHS =
  /^\/(credentials\/types|databases\/\{id\}\/users|jobs\/\{id\}\/(children|parents)|scripts\/\{id\}\/history|(notebooks|reports|workflows|scripts\/(javascript|python3|r|sql))\/\{id\}\/git\/commits)$/;

/** Whether a GET of `path` (as the model writes it: `/jobs/{id}/children`) answers a list whatever its spec says. */
export function answersListAnyway(path: string): boolean {
  return LIST_PATHS.test(path);
}
