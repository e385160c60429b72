// civis-python's state names (civis/base.py): two spellings of success, and the end states.
const SUCCEEDED = new Set(["succeeded", "success"]);
const ENDED_BADLY = new Set(["failed", "cancelled"]);

/** The run ended well: the future resolves. */
export function isSucceeded(state: string): boolean {
  return SUCCEEDED.has(state);
}

/** The run ended badly: the future rejects with a CivisJobFailure. */
export function isFailed(state: string): boolean {
  return ENDED_BADLY.has(state);
}

/** The run will change no more. */
export function isFinished(state: string): boolean {
  return isSucceeded(state) || isFailed(state);
}
