import { CivisError } from "../errors/civis-error.js";

/** `typegen({ check: true })` found the declaration file missing or different from the spec's. */
export class OutOfDateError extends CivisError {
  override readonly name = "OutOfDateError" as const;
  /** The file that is out of date. */
  readonly file: string;

  constructor(file: string, missing: boolean) {
    super(
      missing
        ? `${file} does not exist; run \`civis typegen\` to write it`
        : `${file} is out of date with the API spec; run \`civis typegen\` again to update it`,
    );
    this.file = file;
  }
}
