// The explorer page: loads a spec through the civis UMD bundle (the global `civis`), lists its
// methods, shows one method's docs and lets a person call it.

/* global civis */

import { h, replace } from "./dom.js";
import { mountJobsPanel } from "./jobs-panel.js";
import { methodDoc } from "./method-doc.js";
import { methodHash, mountMethodList, parseMethodHash } from "./method-list.js";
import { createRecorder } from "./recorder.js";
import {
  fileSource,
  liveSource,
  originLabel,
  readSpecFile,
  SAMPLE_API_KEY,
  SAMPLE_SPEC_URL,
  sampleSource,
  urlSource,
} from "./sources.js";
import { mountSqlPanel } from "./sql-panel.js";
import { tryIt } from "./try-it.js";
import { mountUploadPanel } from "./upload-panel.js";

const $ = (id) => document.getElementById(id);
const ui = {
  status: $("spec-status"),
  refresh: $("refresh-spec"),
  sourceForm: $("source-form"),
  sourcePanel: $("source-panel"),
  fileInput: $("spec-file"),
  dropZone: $("drop-zone"),
  overlay: $("drop-overlay"),
  search: $("search"),
  matchCount: $("match-count"),
  list: $("method-list"),
  view: $("method-view"),
};

const recorder = createRecorder();
/** The page's state; the API key stays inside `source` and the client, never anywhere else. */
const state = { source: undefined, client: undefined, list: undefined };

function setStatus(children, tone = "info") {
  ui.status.dataset.tone = tone;
  replace(ui.status, ...children);
}

function welcome(description) {
  const counts = new Map();
  for (const op of description.operations) {
    if (!counts.has(op.resource)) counts.set(op.resource, []);
    counts.get(op.resource).push(op);
  }
  return h(
    "div",
    { class: "welcome" },
    h("h2", null, description.title || "API"),
    h(
      "p",
      null,
      `${description.operations.length} methods in ${counts.size} resources. Pick one, or press `,
      h("kbd", null, "/"),
      " to search method names, paths and summaries; ",
      h("kbd", null, "↑"),
      " ",
      h("kbd", null, "↓"),
      " and ",
      h("kbd", null, "Enter"),
      " open a match.",
    ),
    h(
      "ul",
      { class: "resource-grid", "aria-label": "Resources" },
      [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([resource, ops]) =>
          h(
            "li",
            null,
            h("a", { href: methodHash(resource, ops[0].name) }, resource),
            h("span", { class: "count" }, String(ops.length)),
          ),
        ),
    ),
  );
}

function openMethod(resource, name) {
  const { client, source } = state;
  if (!client) return;
  state.list?.select(resource, name);
  const method = Object.hasOwn(client, resource) ? client[resource]?.[name] : undefined;
  let doc;
  try {
    doc = typeof method === "function" ? civis.describeMethod(method) : undefined;
  } catch {
    doc = undefined;
  }
  if (!doc) {
    replace(ui.view, h("p", { class: "error" }, `No method ${resource}.${name} in this spec.`));
    return;
  }
  replace(
    ui.view,
    h(
      "div",
      { class: "method-view" },
      methodDoc(doc, method.doc),
      tryIt({ client, doc, recorder, canFault: source.canFault }),
    ),
  );
  document.title = `${resource}.${name} · civis explorer`;
}

function route() {
  const target = parseMethodHash(location.hash);
  if (target) openMethod(target.resource, target.name);
  else if (state.client) replace(ui.view, welcome(civis.describeClient(state.client)));
}

function seconds(ms) {
  return ms < 950 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;
}

/** What a load waits for, as the CLI says it: the failure, the wait, the next attempt. */
function retryText(info) {
  const what =
    info.status === undefined
      ? "No answer (offline, DNS, or CORS?)"
      : `${info.status}: ${info.error?.message ?? ""}`;
  return `${what}; retrying in ${seconds(info.waitMs)}, attempt ${info.attempt + 1} of ${info.maxAttempts}`;
}

/** The load in progress: a new one, or its Cancel, ends it. */
let loading;

/** Opens a spec source; on failure the previous client stays in place, and the status says so. */
async function load(source, forceRefresh = false) {
  // A second "Load spec" replaces a load still waiting (a wrong URL being retried).
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  ui.refresh.disabled = true;
  const waiting = h("span", { class: "load-wait", "data-testid": "load-wait" });
  const cancel = h(
    "button",
    {
      type: "button",
      class: "secondary",
      "data-testid": "cancel-load",
      onclick: () => controller.abort(),
    },
    "Cancel",
  );
  setStatus([`Loading: ${source.label}… `, cancel, h("br"), waiting]);
  const onRetry = (info) => {
    recorder.retries.onRetry(info);
    if (loading === controller) replace(waiting, retryText(info));
  };
  const started = performance.now();
  try {
    const client = await source.open(
      { fetch: recorder.fetch, retries: { onRetry }, signal: controller.signal },
      forceRefresh,
    );
    if (loading !== controller) return;
    const description = civis.describeClient(client);
    state.source = source;
    state.client = client;
    state.list = mountMethodList({
      container: ui.list,
      search: ui.search,
      countLabel: ui.matchCount,
      operations: description.operations,
    });
    const ms = Math.round(performance.now() - started);
    setStatus(
      [
        h("strong", { "data-testid": "spec-title" }, description.title || "Untitled API"),
        " · ",
        h("span", { "data-testid": "spec-count" }, `${description.operations.length} methods`),
        " · ",
        h("span", null, source.label),
        " · ",
        h(
          "span",
          {
            class: `origin origin-${description.origin}`,
            "data-testid": "spec-origin",
            "data-origin": description.origin,
          },
          originLabel(description.origin),
        ),
        ` · ${ms} ms`,
        h("br"),
        h("span", { class: "muted" }, "Calls go to ", h("code", null, description.baseUrl)),
      ],
      "ok",
    );
    route();
  } catch (error) {
    if (loading !== controller) return;
    failed(
      controller.signal.aborted
        ? [h("strong", null, "Cancelled: "), source.label]
        : [h("strong", null, "Could not load the spec: "), String(error?.message ?? error)],
    );
  } finally {
    if (loading === controller) {
      loading = undefined;
      ui.refresh.disabled = !state.source?.refreshable;
    }
  }
}

/** An error in the status line, which still says what is loaded, if anything. */
function failed(children) {
  const still = state.client
    ? [
        h("br"),
        h(
          "span",
          { class: "muted", "data-testid": "still-loaded" },
          `Still loaded: ${state.source.label}`,
        ),
      ]
    : [];
  setStatus([...children, ...still], "error");
}

// --- spec sources ------------------------------------------------------------

const field = (name) => ui.sourceForm.elements.namedItem(name);
/** The key input has no `name`, so even a form submitted without script never puts it in a URL. */
const keyInput = $("source-api-key");

function showSourceFields() {
  const kind = field("kind").value;
  for (const panel of ui.sourceForm.querySelectorAll("[data-for]")) {
    panel.hidden = !panel.dataset.for.split(" ").includes(kind);
  }
}

function shared() {
  return { baseUrl: field("base-url").value, apiKey: keyInput.value };
}

async function loadFile(file) {
  if (!file) return;
  try {
    const spec = await readSpecFile(file);
    await load(fileSource({ name: file.name, spec, ...shared() }));
  } catch (error) {
    failed([h("strong", null, "Could not read the file: "), String(error?.message ?? error)]);
  }
}

ui.sourceForm.addEventListener("change", (event) => {
  if (event.target.name === "kind") showSourceFields();
});
ui.sourceForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const kind = field("kind").value;
  try {
    if (kind === "sample") await load(sampleSource());
    else if (kind === "url")
      await load(urlSource({ specUrl: field("spec-url").value, ...shared() }));
    else if (kind === "live") await load(liveSource(shared()));
    else if (!ui.fileInput.files?.[0])
      failed(["Choose a spec file (JSON) first, or drop one anywhere on the page"]);
    else await loadFile(ui.fileInput.files[0]);
  } catch (error) {
    failed([String(error?.message ?? error)]);
  }
});
ui.fileInput.addEventListener("change", () => loadFile(ui.fileInput.files?.[0]));
ui.refresh.addEventListener("click", () => state.source && load(state.source, true));

// Drop a spec file anywhere on the page.
let dragDepth = 0;
document.addEventListener("dragenter", (event) => {
  if (!event.dataTransfer?.types.includes("Files")) return;
  dragDepth++;
  ui.overlay.hidden = false;
});
document.addEventListener("dragleave", () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) ui.overlay.hidden = true;
});
document.addEventListener("dragover", (event) => event.preventDefault());
document.addEventListener("drop", (event) => {
  event.preventDefault();
  dragDepth = 0;
  ui.overlay.hidden = true;
  loadFile(event.dataTransfer?.files?.[0]);
});
ui.dropZone.addEventListener("click", () => ui.fileInput.click());

// `/` jumps to the search box from anywhere but a text field.
document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  )
    return;
  event.preventDefault();
  ui.search.focus();
  ui.search.select();
});

window.addEventListener("hashchange", route);
for (const el of document.querySelectorAll("[data-sample-key]")) el.textContent = SAMPLE_API_KEY;
for (const el of document.querySelectorAll("[data-sample-spec-url]")) {
  el.textContent = SAMPLE_SPEC_URL;
}
showSourceFields();
load(sampleSource());
// civis/io's panels (sql-panel.js, upload-panel.js) use whichever client is loaded.
mountSqlPanel(document.getElementById("sql-panel"), () => state.client);
mountUploadPanel(document.getElementById("upload-panel"), () => state.client);

mountJobsPanel(document.getElementById("jobs-panel-body"), () => state.client);
