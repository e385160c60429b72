// The fan-out of issue 14: 2,000 calls of `GET /workflows/1` made at once through a
// civis client with `maxConcurrent: 16`, against the floor: raw fetch with 16
// workers taking the calls in turn (16 at a time, no queue object). The server
// runs in a forked process, as for calls.mjs. Rounds alternate and rotate order;
// the ratio is the median over rounds of civis time / fetch time in the same round.
// Target: civis no slower than fetch by more than 10% (ratio <= 1.10).
// Usage: node bench/fan-out.mjs   (prints one JSON line; `npm run build` first)
import { fork } from "node:child_process";
import { once } from "node:events";
import { APIClient } from "../dist/index.js";
import { createSampleApi } from "../dist/testing.js";
import { API_KEY, HEADERS } from "./clients/auth.mjs";
import { median } from "./lib/stats.mjs";

const CALLS = 2000;
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.FAN_OUT_ROUNDS ?? 7);

const server = fork(new URL("./server-process.mjs", import.meta.url), { stdio: "inherit" });
const [{ url: baseUrl }] = await once(server, "message");
const { spec } = createSampleApi();

/** Raw fetch: 16 workers, each taking the next call until none is left. */
async function rawFetch() {
  let next = 0;
  const worker = async () => {
    while (next < CALLS) {
      next++;
      await fetch(`${baseUrl}workflows/1`, { headers: HEADERS }).then((r) => r.json());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

const client = new APIClient({
  localApiSpec: structuredClone(spec),
  apiKey: API_KEY,
  baseUrl,
  returnType: "json",
  maxConcurrent: CONCURRENCY,
});
/** civis: every call made at once; the client's queue keeps 16 in flight. */
const civis = () => Promise.all(Array.from({ length: CALLS }, () => client.workflows.get(1)));

/** Wall ms and this process's CPU µs (user + system) for one run; the server is another process. */
async function time(run) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu0);
  return { ms, cpuUs: user + system };
}

// Warm-up: JIT and the connection pool are not what is measured.
await time(rawFetch);
await time(civis);
const times = { fetch: [], civis: [] };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? ["civis", "fetch"] : ["fetch", "civis"];
  for (const name of order) times[name][round] = await time(name === "fetch" ? rawFetch : civis);
}
server.disconnect();
const ratioOf = (key) => median(times.civis.map((t, i) => t[key] / times.fetch[i][key]));
const ratio = ratioOf("ms");
const perCallUs = (name) => median(times[name].map((t) => t.cpuUs / CALLS));
console.log(
  JSON.stringify({
    calls: CALLS,
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    fetchMs: median(times.fetch.map((t) => t.ms)),
    civisMs: median(times.civis.map((t) => t.ms)),
    ratio,
    // CPU time of this (client) process per call: less swayed by other work on the machine.
    fetchCpuUs: perCallUs("fetch"),
    civisCpuUs: perCallUs("civis"),
    cpuRatio: ratioOf("cpuUs"),
    target: 1.1,
    pass: ratio <= 1.1,
  }),
);
