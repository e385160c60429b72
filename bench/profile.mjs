// Where civis spends its time, for the analysis in FINDINGS.md (not part of
// `npm run bench`). Writes bench/out/<what>.cpuprofile and prints the top
// functions by self time.
// Usage: node bench/profile.mjs build [civis|github|small]
//        node bench/profile.mjs calls      (2,000 sequential GETs, client side only)
//        node bench/profile.mjs pages      (40 lists of 50 pages, client side only)
//        node bench/profile.mjs fan-out    (2,000 GETs at once through maxConcurrent: 16, "json")
import { fork } from "node:child_process";
import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { createSampleApi } from "../dist/testing.js";

const sampleSpec = createSampleApi().spec;

import civis, { civisAdapter } from "./clients/civis.mjs";
import { outDir } from "./lib/paths.mjs";
import { profile } from "./lib/profiler.mjs";
import { prepareSpec, specText } from "./lib/specs.mjs";

const [what = "build", specName = "civis"] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });

async function profileBuild() {
  const spec = prepareSpec(specName, JSON.parse(specText(specName)));
  return profile(() => civis.create({ spec, baseUrl: "http://127.0.0.1:1/" }), {
    file: join(outDir, `build-${specName}.cpuprofile`),
    intervalUs: 10,
  });
}

/** Profiles `count` calls of `call(client)` after a warm-up, against the loopback server process. */
async function profileCalls(name, call, count, adapter = civis) {
  const server = fork(new URL("./server-process.mjs", import.meta.url));
  const [{ url }] = await once(server, "message");
  const client = adapter.create({ spec: structuredClone(sampleSpec), baseUrl: url });
  for (let i = 0; i < count / 4; i++) await call(client);
  const top = await profile(
    async () => {
      for (let i = 0; i < count; i++) await call(client);
    },
    { file: join(outDir, `${name}.cpuprofile`), intervalUs: 50, top: 25, subtree: false },
  );
  server.disconnect();
  return top;
}

/** As bench/fan-out.mjs: 2,000 calls made at once, the client's queue keeps 16 in flight. */
const fanOut = civisAdapter("civis", { returnType: "json", maxConcurrent: 16 });
const fanOutCall = (client) =>
  Promise.all(Array.from({ length: 2000 }, () => client.workflows.get(1)));

const { top, groups } =
  what === "calls"
    ? await profileCalls("calls", civis.getOne, 2000)
    : what === "pages"
      ? await profileCalls("pages", civis.listAll, 40)
      : what === "fan-out"
        ? await profileCalls("fan-out", fanOutCall, 8, fanOut)
        : await profileBuild();
const line = (ms, share, text) =>
  console.log(`${ms.toFixed(2).padStart(9)} ms ${(share * 100).toFixed(1).padStart(5)}%  ${text}`);
console.log("Self time by owner:");
for (const { group, ms, share } of groups) line(ms, share, group);
console.log("\nTop functions by self time:");
for (const { fn, ms, share } of top) line(ms, share, fn);
