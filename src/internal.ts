// The one seam through which the layers on top of the core (jobs, io, testing, cli) reach
// what the public entries do not export. Each line is a deliberate permission: add to it
// rather than import a core folder directly (test/architecture/layers.test.ts checks).
// Everything public comes from the entries (public-api.ts, index.ts) instead.

export { modelOf } from "./description/local-models.js";
export {
  type OperationDetail,
  operationDetail,
  type Param,
} from "./description/operation-detail.js";
export type { ApiModel, Operation, Schema } from "./description/types.js";
export { helpText } from "./help/help.js";
export { methodOperations } from "./methods/build-resource.js";
export { DEFAULTS } from "./options/defaults.js";
// Node only (reads files): only the CLI may use it.
export { loadSpecSource } from "./typegen/load-spec-source.js";
