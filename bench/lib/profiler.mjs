import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "./paths.mjs";

/**
 * CPU-profiles `work` with V8's sampler (`intervalUs` between samples), writes
 * the .cpuprofile (open it in Chrome DevTools), and returns the functions with
 * the most self time under `work` (the inspector's own plumbing is left out).
 * Async work continues outside `work`'s frame: pass `subtree: false` to count
 * every sample but idle time instead.
 */
export async function profile(work, { file, intervalUs = 20, top = 15, subtree = true } = {}) {
  // A named frame to find `work`'s samples by.
  const benchWork = async () => work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: intervalUs });
  await session.post("Profiler.start");
  await benchWork();
  const { profile: result } = await session.post("Profiler.stop");
  session.disconnect();
  if (file) writeFileSync(file, JSON.stringify(result));
  return summarizeProfile(result, { top, subtree });
}

/** Top functions and owners of a V8 .cpuprofile (from Node or from Chromium over CDP). */
export function summarizeProfile(result, { top = 15, subtree = false } = {}) {
  const rows = selfTimes(result, subtree);
  return { top: rows.slice(0, top), groups: byGroup(rows) };
}

/** Who the self time belongs to: civis, its dependencies, Node's fetch (undici), the rest of Node, or V8. */
function groupOf(fn) {
  if (/ (dist\/|\/civis\.umd)/.test(fn)) return "civis (dist)";
  if (/node_modules\/(ofetch|ufo|destr)\//.test(fn)) return "ofetch + ufo + destr";
  if (/ bench\//.test(fn)) return "bench harness";
  if (/undici/.test(fn)) return "undici (Node's fetch)";
  if (/ node:/.test(fn)) return "Node internals (streams, events, net)";
  if (/garbage collector/.test(fn)) return "garbage collector";
  if (/^\(program\)/.test(fn)) return "(program): parsing, compiling, the browser's own work";
  return "V8 / native (JSON, strings, microtasks)";
}

function byGroup(rows) {
  const groups = new Map();
  for (const { fn, ms, share } of rows) {
    const name = groupOf(fn);
    const g = groups.get(name) ?? { group: name, ms: 0, share: 0 };
    g.ms += ms;
    g.share += share;
    groups.set(name, g);
  }
  return [...groups.values()].sort((a, b) => b.ms - a.ms);
}

function where({ url, lineNumber }) {
  if (!url) return "(native)";
  if (url.startsWith("http")) return `${new URL(url).pathname}:${lineNumber + 1}`;
  const path = url.startsWith("file:") ? relative(repoRoot, fileURLToPath(url)) : url;
  return `${path}:${lineNumber + 1}`;
}

/** Self time per function, from the samples and their time deltas. */
function selfTimes({ nodes, samples, timeDeltas }, subtree) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const inside = new Set();
  const mark = (id) => {
    inside.add(id);
    for (const child of byId.get(id).children ?? []) mark(child);
  };
  for (const n of nodes) {
    const name = n.callFrame.functionName;
    if (subtree ? name === "benchWork" : name !== "(idle)" && name !== "(root)") inside.add(n.id);
    if (subtree && name === "benchWork") mark(n.id);
  }
  const totals = new Map();
  let all = 0;
  samples.forEach((id, i) => {
    if (!inside.has(id)) return;
    const { callFrame } = byId.get(id);
    const key = `${callFrame.functionName || "(anonymous)"}  ${where(callFrame)}`;
    const us = timeDeltas[i + 1] ?? 0;
    totals.set(key, (totals.get(key) ?? 0) + us);
    all += us;
  });
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([fn, us]) => ({ fn, ms: us / 1000, share: us / all }));
}
