// The one seam through which the layers on top of the core (jobs, io, testing, cli) reach
// what the public entries do not export. Each line is a deliberate permission: add to it
// rather than import a core folder directly (test/architecture/layers.test.ts checks).
// Layers above the entries (io, testing, cli) take public names from the entries; jobs, which
// the entries export, takes them from here.

export { clientInfo, contextClients } from "./client/client-internals.js";
export { fieldOf, plainBody } from "./client/helpers/plain-body.js";
export { splitSchemaTable } from "./client/helpers/split-schema-table.js";
export { modelOf } from "./description/local-models.js";
export {
  type OperationDetail,
  operationDetail,
  type Param,
} from "./description/operation-detail.js";
export type { ApiModel, Operation, Schema } from "./description/types.js";
export { CivisAPIError } from "./errors/civis-api-error.js";
export { CivisError } from "./errors/civis-error.js";
export { helpText } from "./help/help.js";
export { sleep } from "./http/sleep.js";
export { methodOperations } from "./methods/build-resource.js";
export { DEFAULTS } from "./options/defaults.js";
export type { ListResponse } from "./response/list-response.js";
export type { Response } from "./response/response.js";
