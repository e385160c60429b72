/** Per-call options, the last argument of every method. */
export interface CallInit {
  /** Aborts the call, including any wait between retries and every page of an iterator. */
  readonly signal?: AbortSignal;
  /** Gives up on an attempt after this many ms. */
  readonly timeout?: number;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

const INIT_KEYS = new Set(["signal", "timeout", "headers"]);

export function checkInit(where: string, init: unknown): CallInit | undefined {
  if (init === undefined) return undefined;
  if (typeof init !== "object" || init === null || Array.isArray(init)) {
    throw new TypeError(
      `${where}: the last argument (init) must be an object { signal, timeout, headers }`,
    );
  }
  for (const key of Object.keys(init)) {
    if (!INIT_KEYS.has(key)) {
      throw new TypeError(
        `${where}: unknown init option "${key}"; accepted: signal, timeout, headers`,
      );
    }
  }
  const { signal, timeout, headers } = init as CallInit;
  if (
    signal !== undefined &&
    !(typeof signal === "object" && signal !== null && "aborted" in signal)
  ) {
    throw new TypeError(`${where}: init.signal must be an AbortSignal`);
  }
  if (
    timeout !== undefined &&
    !(typeof timeout === "number" && timeout > 0 && timeout <= 2 ** 31 - 1)
  ) {
    throw new TypeError(`${where}: init.timeout must be a number of ms between 1 and 2147483647`);
  }
  if (headers !== undefined && (typeof headers !== "object" || headers === null)) {
    throw new TypeError(`${where}: init.headers must be an object of strings`);
  }
  return init as CallInit;
}
