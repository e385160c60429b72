// Loaded before each test file (vitest.config.ts setupFiles; a no-op once the worker has it).
// send.ts starts loading its on-demand module beside a client's first request and does not
// wait for it (src/http/send.ts says why). Files share their worker (isolate: false), so a
// file could end while that load was under way: vitest then tears the file's environment
// down, the load fails, and the failure stays in the worker's module graph, so that every
// later file's queue, hooks and retries in that worker failed to load (and the tests waiting
// on them timed out). Loaded here, no such load is ever under way when a file ends.
import "../../src/http/attempt-failed.js";
