// Case 1 and 2, one fresh process per (spec, client): JSON.parse of the spec
// text (the floor), building a client from the parsed object, the heap the
// client keeps, then its first and second call against a loopback server.
// Usage: node --expose-gc bench/build.mjs <civis|github|small> <client>
import { loadClient } from "./clients/index.mjs";
import { startJsonServer } from "./lib/json-server.mjs";
import { countOperations, prepareSpec, SPECS, specText } from "./lib/specs.mjs";

const [specName, clientName] = process.argv.slice(2);
if (typeof global.gc !== "function") throw new Error("run with node --expose-gc");
const adapter = await loadClient(clientName);
const { probe } = SPECS[specName];
const server = await startJsonServer();
// Node loads its fetch stack on first use; pay that before anything is timed.
await fetch(server.url).then((r) => r.arrayBuffer());

const text = specText(specName);
global.gc();
let t0 = performance.now();
const spec = JSON.parse(text);
const parseMs = performance.now() - t0;
prepareSpec(specName, spec);

global.gc();
const heapBefore = process.memoryUsage().heapUsed;
t0 = performance.now();
const client = await adapter.create({ spec, baseUrl: server.url });
const buildMs = performance.now() - t0;
global.gc();
const heapBytes = process.memoryUsage().heapUsed - heapBefore;

let touchMs;
if (adapter.touch) {
  t0 = performance.now();
  adapter.touch(client, probe);
  touchMs = performance.now() - t0;
}
t0 = performance.now();
await adapter.probe(client, probe);
const firstCallMs = performance.now() - t0;
t0 = performance.now();
await adapter.probe(client, probe);
const secondCallMs = performance.now() - t0;

await server.close();
console.log(
  JSON.stringify({
    spec: specName,
    client: clientName,
    specBytes: Buffer.byteLength(text),
    operations: countOperations(spec),
    parseMs,
    buildMs,
    heapBytes,
    touchMs,
    firstCallMs,
    secondCallMs,
  }),
);
