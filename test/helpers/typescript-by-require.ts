import { createRequire } from "node:module";
import type TypeScript from "typescript";

// vitest.config.ts aliases "typescript" to this file. Imported as an ES module, Node first
// compiled typescript.js (9 MB of CommonJS, in a package with no "type") to detect its
// format, then lexed it for its export names: about 2 CPU-s in each worker that loaded it,
// before the load itself. require() only loads it. The tests use its default export only.
const ts: typeof TypeScript = createRequire(import.meta.url)("typescript");
export default ts;
