/**
 * Whether a run in `state` ended well (true: the future resolves), badly (false: it rejects
 * with a CivisJobFailure), or goes on (undefined). civis-python's state names
 * (civis/base.py): two spellings of success, and the end states.
 */
export function runEnded(state: string): boolean | undefined {
  return /^succe(ss|eded)$/.test(state) || (/^(failed|cancelled)$/.test(state) ? false : undefined);
}
