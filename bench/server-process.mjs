// The loopback server in its own process (forked by calls.mjs), so answering
// requests does not take CPU time from the client being measured.
import { startJsonServer } from "./lib/json-server.mjs";

const server = await startJsonServer();
process.send?.({ url: server.url });
process.on("disconnect", () => {
  server.close().then(() => process.exit(0));
});
