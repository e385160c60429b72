import { sleep } from "./sleep.js";

/** Holds a client's new requests while the API asks it to slow down. */
export interface RateLimitGate {
  /** True while new requests are held. */
  paused(): boolean;
  /** Undefined when open (no promise made); else the wait, ended early by `signal`. */
  wait(signal: AbortSignal | undefined): Promise<void> | undefined;
  /** Holds new requests `ms` from now (0 or none: no change); attempt-failed.ts reads it from a 429. */
  hold(ms: number | undefined): void;
}

/**
 * One 429 with `Retry-After` pauses the whole client, as Octokit's throttling
 * plugin does: the requests in flight finish, new ones wait until the time the
 * server named, so a burst draws one 429 rather than one per request. A pause
 * never exceeds `maxPauseMs`, the retry budget no call would outwait either.
 */
export function rateLimitGate(maxPauseMs: number): RateLimitGate {
  let until = 0;
  return {
    paused: () => until > Date.now(),
    wait(signal) {
      const ms = until && until - Date.now();
      return ms > 0 ? sleep(ms, signal) : undefined;
    },
    hold(ms) {
      if (ms) until = Math.max(until, Date.now() + Math.min(ms, maxPauseMs));
    },
  };
}
