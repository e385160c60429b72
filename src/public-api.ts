// Everything the package exports on every platform; the entry files add the platform-only parts.

export type { SpecOrigin } from "./cache/spec-cache.js";
export type { CachedSpec, SpecStore } from "./cache/spec-store.js";
export { APIClient, type APIClientConstructor, type LooseApi } from "./client/api-client.js";
export type { DocEntry, MethodDocModel } from "./docs/doc-model.js";
export { type GetApiSpecOptions, getApiSpec } from "./download/get-api-spec.js";
export { CivisAPIError } from "./errors/civis-api-error.js";
export { CivisAPIKeyError } from "./errors/civis-api-key-error.js";
export { CivisError } from "./errors/civis-error.js";
export { CivisNetworkError } from "./errors/civis-network-error.js";
export { SpecError } from "./errors/spec-error.js";
export { describeMethod } from "./help/describe.js";
export {
  type ClientDescription,
  describeClient,
  type OperationSummary,
} from "./help/describe-client.js";
export { help } from "./help/help.js";
export type { Hook, HookContext, Hooks, RequestHook } from "./http/hooks.js";
export type { Logger, LogMethod } from "./http/logger.js";
export type { RetryInfo, RetryPolicy } from "./http/retry-policy.js";
export {
  CivisFuture,
  type CivisFutureConstructor,
  type CivisFutureOptions,
  type RunOf,
} from "./jobs/civis-future.js";
export { CivisJobFailure } from "./jobs/civis-job-failure.js";
export { type JobLogsOptions, jobLogs } from "./jobs/job-logs.js";
export type { AnswerOf, ItemOf } from "./jobs/job-types.js";
export { runJob } from "./jobs/run-job.js";
export { type RunTemplateOptions, runTemplate } from "./jobs/run-template.js";
export { type CivisMethod, CivisResource } from "./methods/build-resource.js";
export type { CallInit } from "./methods/call-init.js";
export { camelToSnake } from "./naming/camel-to-snake.js";
export type { ApiKey, ClientOptions } from "./options/client-options.js";
export { type FindFilter, find, findOne } from "./response/find.js";
export { ListResponse } from "./response/list-response.js";
export { PaginatedResponse } from "./response/paginated-response.js";
export type { ResponseMode } from "./response/read-result.js";
export { Response } from "./response/response.js";
export type {
  Loose,
  ResponseMembers,
  TypedListResponse,
  TypedPaginatedResponse,
  TypedResponse,
} from "./typegen/runtime-types.js";
export { VERSION } from "./version.js";
