/** Options of every SQL function of civis/io (civis-python's keyword arguments). */
export interface SqlOptions {
  /** `params` and `arguments` of the SQL script (civis-python's `sql_params_arguments`). */
  sqlParamsArguments?: { params?: unknown[]; arguments?: Record<string, unknown> };
  /** The script's name. Default: a random one. */
  jobName?: string;
  /** The database credential. Default: the user's default database credential. */
  credentialId?: number;
  /** A fixed wait between polls, in ms. Default: civis-python's schedule. */
  pollingIntervalMs?: number;
  /** Hide the script in the platform's lists. Default true. */
  hidden?: boolean;
  /** Stops waiting (and any download); the run itself goes on. */
  signal?: AbortSignal;
  /** The fetch for the presigned download URL. Default: the client's own. */
  fetch?: typeof fetch;
  /** The first wait (ms) before retrying the download; it doubles. Default 250. */
  retryBaseMs?: number;
}

const SQL_PARAMS_KEYS = new Set(["params", "arguments"]);

/** civis-python's check of `sql_params_arguments`, before any request. */
export function checkSqlParams(value: SqlOptions["sqlParamsArguments"]): void {
  if (value === undefined) return;
  // null was read by Object.keys first: "Cannot convert undefined or null to object".
  const extra = Object.keys(value ?? 0).filter((key) => !SQL_PARAMS_KEYS.has(key));
  if (typeof value !== "object" || value === null || extra.length) {
    throw new TypeError(
      `sqlParamsArguments takes only "params" and "arguments"${extra.length ? `, not ${extra.map((k) => `"${k}"`).join(", ")}` : ""}`,
    );
  }
}

/** A random job name, as civis-python's `maybe_get_random_name` (a uuid4 hex). */
export function randomJobName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
