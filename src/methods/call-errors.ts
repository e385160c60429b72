import type { OperationDetail } from "../description/operation-detail.js";
import type { Operation } from "../description/types.js";
import { argumentError } from "./argument-error.js";
import { signature } from "./signature.js";

/** The errors of one call's arguments, each naming the method. */
export interface CallErrors {
  /** `workflows.get()`: how every message starts. */
  readonly where: string;
  /** A positional mistake: the message shows the method's signature. */
  misplaced(problem: string): TypeError;
  /** A naming mistake: the message lists the accepted names. */
  misnamed(problem: string): TypeError;
}

export function callErrors(op: Operation, detail: OperationDetail): CallErrors {
  const where = `${op.resource}.${op.name}()`;
  return {
    where,
    misplaced: (problem) =>
      argumentError(
        where,
        `${problem}; call it as ${op.resource}.${signature(op, "params?", "init?")}`,
      ),
    misnamed: (problem) => {
      const names = detail.params.map((p) => p.snake);
      if (detail.paginated) names.push("iterator");
      return argumentError(where, `${problem}; accepted: ${names.join(", ") || "none"}`);
    },
  };
}
