import { CivisError } from "../internal.js";

/** What a CivisJobFailure knows of the run. */
export interface JobFailureDetail {
  readonly jobId: number | undefined;
  readonly runId: number | undefined;
  readonly state: string;
  /** The last answer of the getter: the run as the API last showed it. */
  readonly response: unknown;
}

/**
 * A run that ended `failed` or `cancelled` (civis-python's `CivisJobFailure`). The message
 * reads `Job 123 run 456 failed: <text>`, where the text is the run's `error`, or the last
 * lines of its log when it has none.
 */
export class CivisJobFailure extends CivisError {
  override readonly name = "CivisJobFailure" as const;
  // Declared, not defined: the constructor sets them all at once.
  declare readonly job_id: number | undefined;
  declare readonly run_id: number | undefined;
  /** The run's final state: `failed` or `cancelled`. */
  declare readonly state: string;
  /** The text after the colon: the run's error, or the end of its log. */
  declare readonly error_message: string;
  /** The run as the API last showed it. */
  declare readonly response: unknown;

  constructor(text: string, detail: JobFailureDetail) {
    const { jobId, runId } = detail;
    super(`Job ${jobId ?? "?"}${runId === undefined ? "" : ` run ${runId}`} failed: ${text}`);
    Object.assign(this, {
      job_id: jobId,
      run_id: runId,
      state: detail.state,
      error_message: text,
      response: detail.response,
    });
  }
}
