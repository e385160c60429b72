/** The command line itself is wrong (exit code 2), as opposed to the API answering with an error (1). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
