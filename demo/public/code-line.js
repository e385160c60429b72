// The line of code a call in the Try it form amounts to, ready to paste into a script.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function member(name) {
  return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** A JavaScript literal, written the way a person would (unquoted keys where possible). */
export function literal(value) {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const parts = Object.entries(value).map(
      ([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(item)}`,
    );
    return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
  }
  return value === undefined ? "undefined" : JSON.stringify(value);
}

/**
 * @param {{ resource: string, name: string, pathArgs: unknown[], pathNames?: string[],
 *   params: Record<string, unknown>, init?: Record<string, unknown> }} call
 * @returns {string} e.g. `await client.workflows.list_executions(1, { limit: 5 })`; a path
 *   argument not filled in yet shows as its name (`get(id)`), not as `get("")`
 */
export function codeLine({ resource, name, pathArgs, pathNames = [], params, init }) {
  const args = pathArgs.map((value, i) =>
    value === "" && IDENTIFIER.test(pathNames[i] ?? "") ? pathNames[i] : literal(value),
  );
  const hasParams = Object.keys(params).length > 0;
  if (hasParams || init) args.push(literal(params));
  if (init) args.push(literal(init));
  const call = `client${member(resource)}${member(name)}(${args.join(", ")})`;
  // With `iterator: true` the method returns a PaginatedResponse at once; json() reads every page.
  return params.iterator === true ? `await ${call}.json()` : `await ${call}`;
}
