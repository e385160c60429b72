import type { ApiMethod, IoClient } from "./answer-fields.js";
import { CivisFuture, type CivisFutureOptions, type Response as CivisResponse } from "./core.js";

/** What every civis/io future takes. */
export interface FollowOptions {
  pollingIntervalMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * What comes after the run (a download, say): given the run's outcome, resolves to the run
 * once its own work is done, or rejects (cleaning up after a failed run is its job too).
 */
export type AfterRun = (run: Promise<CivisResponse>, future: CivisFuture) => Promise<CivisResponse>;

type FutureClass = new (
  getter: ApiMethod,
  args: PromiseLike<readonly unknown[]>,
  options: CivisFutureOptions,
) => CivisFuture;

/**
 * A future whose run is followed by more work: it settles (`await`, `result()`, `done()`)
 * when that work has, as civis-python's `civis_to_csv` future is done once its file is
 * written. The run's own state, ids, `cancel()` and `outputs()` are the CivisFuture's.
 */
class AfterFuture extends (CivisFuture as unknown as FutureClass) {
  readonly #after: Promise<CivisResponse>;
  #settled = false;

  constructor(
    getter: ApiMethod,
    args: PromiseLike<readonly unknown[]>,
    options: CivisFutureOptions,
    after: AfterRun,
  ) {
    super(getter, args, options);
    this.#after = after(super.result(), this).finally(() => {
      this.#settled = true;
    });
    // A future no one awaits must not crash Node with an unhandled rejection.
    this.#after.catch(() => {});
  }

  // biome-ignore lint/suspicious/noThenProperty: a future is awaited like a promise, by design.
  override then<Then = CivisResponse, Else = never>(
    onfulfilled?: ((run: CivisResponse) => Then | PromiseLike<Then>) | null,
    onrejected?: ((reason: unknown) => Else | PromiseLike<Else>) | null,
  ): Promise<Then | Else> {
    return this.#after.then(onfulfilled, onrejected);
  }

  override result(): Promise<CivisResponse> {
    return this.#after;
  }

  override done(): boolean {
    return this.#settled;
  }
}

/** The future of a run started by `started` (its getter's path parameters), with `after`'s work. */
export function followRun(
  client: IoClient,
  getter: ApiMethod,
  started: PromiseLike<readonly unknown[]>,
  options: FollowOptions,
  after?: AfterRun,
): CivisFuture {
  const settings = { client, signal: options.signal, pollingIntervalMs: options.pollingIntervalMs };
  return after
    ? new AfterFuture(getter, started, settings, after)
    : new CivisFuture(getter, started, settings);
}
