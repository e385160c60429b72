// The browser entry (ESM, CJS and the UMD global `civis`): no Node built-ins.
export * from "./public-api.js";
