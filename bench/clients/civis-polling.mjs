import { CivisFuture } from "../../dist/index.js";
import { civisAdapter } from "./civis.mjs";

const base = civisAdapter("civis (polling)");
const stops = new WeakMap();

/**
 * civis while a CivisFuture polls in the background, every 20 ms through the same client (a
 * GET each time, its run never ending): its ratio to plain `civis` shows what a pending
 * future costs the calls around it.
 */
export default {
  ...base,
  create(options) {
    const client = base.create(options);
    const controller = new AbortController();
    const poll = async () => {
      await client.workflows.get(1);
      return { state: "running" };
    };
    const future = new CivisFuture(poll, [1, 1], {
      pollingIntervalMs: 20,
      signal: controller.signal,
      client,
    });
    stops.set(client, () => {
      controller.abort();
      return future.then(
        () => undefined,
        () => undefined,
      );
    });
    return client;
  },
  close: (client) => stops.get(client)?.(),
};
