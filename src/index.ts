// The Node entry: everything, plus what needs the file system.

export * from "./node.js";
export * from "./public-api.js";
