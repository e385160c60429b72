// The Node entry: everything, plus what needs the file system.
export * from "./public-api.js";
export { cacheApiSpec } from "./spec/cache-api-spec.js";
