// The Node-only exports: what needs the file system. The `civis/node` entry, and part of the
// Node build of `civis`, so a project whose types resolve to the browser build still finds them.

export { cacheApiSpec } from "./download/cache-api-spec.js";
export { OutOfDateError } from "./typegen/out-of-date-error.js";
export { type TypegenOptions, type TypegenResult, typegen } from "./typegen/typegen.js";
