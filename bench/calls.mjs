// Case 3, one fresh process: the per-call cost of each client against a
// loopback server running in a forked process (so serving does not take this
// process's CPU). All clients run in this one process, interleaved in small
// blocks whose order rotates, so drift (JIT, GC, a busy machine) hits them
// alike; a ratio is the median over blocks of client time / fetch time in the
// same block.
// Usage: node bench/calls.mjs   (prints one JSON line)
import { fork } from "node:child_process";
import { once } from "node:events";
import { createSampleApi } from "../dist/testing.js";

const sampleSpec = createSampleApi().spec;

import { loadClient } from "./clients/index.mjs";
import { median } from "./lib/stats.mjs";

const NAMES = [
  "fetch",
  "ofetch",
  "civis",
  "civis-json",
  "civis-polling",
  "swagger-client",
  "openapi-client-axios",
];
const CONCURRENCY = 16;

/** Each mode: how one block is timed, how many blocks, and the unit it reports. */
const MODES = {
  seqUs: { blocks: 30, calls: 10, run: (c) => c.adapter.getOne(c.handle), scale: 1000 },
  c16Us: {
    blocks: 30,
    calls: 2 * CONCURRENCY,
    run: (c) => Promise.all(Array.from({ length: CONCURRENCY }, () => c.adapter.getOne(c.handle))),
    repeat: 2,
    scale: 1000,
  },
  pagesMs: { blocks: 10, calls: 1, run: (c) => listChecked(c), scale: 1 },
};

async function listChecked({ adapter, handle }) {
  const count = await adapter.listAll(handle);
  if (count !== 500) throw new Error(`${adapter.name} listed ${count} items, not 500`);
}

/** Time per call (or per list) of one block, in the mode's unit. */
async function timeBlock(mode, client) {
  const repeat = mode.repeat ?? mode.calls;
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) await mode.run(client);
  return ((performance.now() - t0) / mode.calls) * mode.scale;
}

const server = fork(new URL("./server-process.mjs", import.meta.url), { stdio: "inherit" });
const [{ url: baseUrl }] = await once(server, "message");

const clients = [];
for (const name of NAMES) {
  const adapter = await loadClient(name);
  const handle = await adapter.create({ spec: structuredClone(sampleSpec), baseUrl });
  clients.push({ adapter, handle });
}

const result = { seqUs: {}, c16Us: {}, pagesMs: {}, ratioToFetch: {}, ratioToOfetch: {} };
for (const [key, mode] of Object.entries(MODES)) {
  // Warm-up: JIT, connection pools and each client's lazy work are not per-call costs.
  for (let i = 0; i < 5; i++) for (const client of clients) await timeBlock(mode, client);
  const times = clients.map(() => []);
  for (let block = 0; block < mode.blocks; block++) {
    for (let i = 0; i < clients.length; i++) {
      const index = (i + block) % clients.length;
      times[index][block] = await timeBlock(mode, clients[index]);
    }
  }
  const toFetch = {};
  const toOfetch = {};
  clients.forEach(({ adapter }, index) => {
    result[key][adapter.name] = median(times[index]);
    toFetch[adapter.name] = median(times[index].map((t, b) => t / times[0][b]));
    toOfetch[adapter.name] = median(times[index].map((t, b) => t / times[1][b]));
  });
  result.ratioToFetch[key] = toFetch;
  result.ratioToOfetch[key] = toOfetch;
}

// A client that polls in the background stops here, or its timers would keep this process on.
await Promise.all(clients.map(({ adapter, handle }) => adapter.close?.(handle)));
server.disconnect();
console.log(JSON.stringify(result));
