import type { OperationDetail, Param } from "../description/operation-detail.js";
import { toSpecKeys } from "./body-keys.js";

/** Collects the body parameters of a call under the spec's property names. */
export interface BodyBuilder {
  add(param: Param, value: unknown): void;
  /** The JSON text of the body, or undefined when the call sends none. */
  json(): string | undefined;
}

export function bodyBuilder(detail: OperationDetail): BodyBuilder {
  // Entries, not assignments: a property named `__proto__` stays data (fromEntries defines it).
  const fields: [string, unknown][] = [];
  let whole: unknown;
  return {
    add(param, value) {
      // A body that is one parameter as a whole (an array, say) is sent as that value.
      if (param === detail.wholeBody) whole = toSpecKeys(value, param.schema);
      else fields.push([param.name, toSpecKeys(value, param.schema)]);
    },
    json() {
      const body = fields.length > 0 ? Object.fromEntries(fields) : whole;
      return body === undefined ? undefined : JSON.stringify(body);
    },
  };
}
