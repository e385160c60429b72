// The Node entry: everything, plus what needs the file system.

export { cacheApiSpec } from "./download/cache-api-spec.js";
export * from "./public-api.js";
export { OutOfDateError } from "./typegen/out-of-date-error.js";
export { type TypegenOptions, type TypegenResult, typegen } from "./typegen/typegen.js";
