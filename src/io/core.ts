// The core, as civis/io sees it. The io builds map this module to the `civis` package (the
// UMD to the global `civis`), so io shares the core's classes (instanceof works) and never
// carries a second copy of them.
export {
  CivisAPIError,
  CivisError,
  CivisFuture,
  type CivisFutureOptions,
  type Response,
  runJob,
} from "../public-api.js";
