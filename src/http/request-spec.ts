import type { Hooks } from "./hooks.js";

/** Everything one call sends; every attempt sends exactly this. */
export interface RequestSpec {
  readonly method: string;
  /** Path and query, as shown in errors, e.g. `/workflows/1?limit=5`. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  /** None for a GET (the spec download, a local spec's URL). */
  readonly body?: string | undefined;
  readonly signal: AbortSignal | undefined;
  /** Per attempt, in ms. */
  readonly timeout: number | undefined;
  /** `resource.method`, for hooks and logs. */
  readonly operation?: string;
  /** The call's own hooks (`init.hooks`), run after the client's. */
  readonly hooks?: Hooks | undefined;
}
