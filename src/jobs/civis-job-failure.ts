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
  readonly job_id: number | undefined;
  readonly run_id: number | undefined;
  /** The run's final state: `failed` or `cancelled`. */
  readonly state: string;
  /** The text after the colon: the run's error, or the end of its log. */
  readonly error_message: string;
  /** The run as the API last showed it. */
  readonly response: unknown;

  constructor(text: string, detail: JobFailureDetail) {
    const run = detail.runId === undefined ? "" : ` run ${detail.runId}`;
    super(`Job ${detail.jobId ?? "?"}${run} failed: ${text}`);
    this.job_id = detail.jobId;
    this.run_id = detail.runId;
    this.state = detail.state;
    this.error_message = text;
    this.response = detail.response;
  }
}
